package se.placera.forms.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.forms.FormProblemCodes;
import se.placera.forms.FormState;
import se.placera.forms.Forms;
import se.placera.forms.Subject;
import se.placera.forms.SubjectAccess;
import se.placera.forms.internal.FormEngine.Evaluation;
import se.placera.forms.internal.FormEngine.QuestionOutcome;
import se.placera.metadata.Definition;
import se.placera.security.AccessScope;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.Roles;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;

/** Responses: start, answer (drafts), submit, read. One document write per change. */
@Service
class FormService implements Forms {

    private final MethodRegistry methods;
    private final FormEngine engine;
    private final PresetService presets;
    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Outbox outbox;
    private final ResponseOutbox responses;
    private final ObjectProvider<SubjectAccess> subjectAccess;

    FormService(MethodRegistry methods, FormEngine engine, PresetService presets, MongoTemplate mongo,
            CurrentUsers users, AccessScope scope, ApplicationEventPublisher events, Clock clock,
            Outbox outbox, ResponseOutbox responses, ObjectProvider<SubjectAccess> subjectAccess) {
        this.subjectAccess = subjectAccess;
        this.outbox = outbox;
        this.responses = responses;
        this.methods = methods;
        this.engine = engine;
        this.presets = presets;
        this.mongo = mongo;
        this.users = users;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public FormState start(String methodId, Integer version, Subject subject, String respondentRole) {
        CurrentUser user = users.current();
        requireWrite(user, methodId);
        Definition d = methods.forNewResponse(methodId, version);
        CompiledMethod method = methods.compiled(d.id(), d.version());
        Subject s = subject == null ? Subject.none() : subject;
        SubjectAccess access = s.type() == null ? null : subjectAccess().get(s.type());
        if (access != null && (s.id() == null || !access.mayWorkOn(s.id()))) {
            // A document on a case (say) only for those who may work on it; the subject's existence is not disclosed.
            throw PlaceraException.notFound(FormProblemCodes.SUBJECT_NOT_FOUND, "There is no " + s.type() + " '"
                    + s.id() + "' you may fill in forms on.");
        }
        Instant now = clock.instant();
        var doc = new ResponseDocument();
        doc.id = UUID.randomUUID().toString();
        doc.methodId = method.id();
        doc.methodVersion = method.version();
        doc.methodTitle = method.title();
        doc.purpose = method.purpose();
        doc.subjectType = s.type();
        doc.subjectId = s.id();
        doc.subjectAttributes = new LinkedHashMap<>(s.attributes());
        doc.respondentRole = respondentRole;
        doc.createdBy = user.username();
        doc.administration = scope.homeAdministration();
        doc.status = "draft";
        doc.answers = new LinkedHashMap<>();
        doc.autoAnswered = new LinkedHashMap<>();
        doc.createdAt = now;
        doc.updatedAt = now;
        Evaluation e = evaluate(method, doc, Map.of(), user);
        doc.autoAnswered = new LinkedHashMap<>(e.autoAnswered());
        doc = write(doc, "response.start", true);
        return state(doc, e);
    }

    @Override
    public FormState get(String responseId) {
        ResponseDocument doc = load(responseId);
        events.publishEvent(audited("response.read", doc));
        CompiledMethod method = methods.compiled(doc.methodId, doc.methodVersion);
        if ("submitted".equals(doc.status)) {
            return submittedState(doc, method);
        }
        return state(doc, evaluate(method, doc, doc.answers, users.current()));
    }

    @Override
    public FormState answer(String responseId, Map<String, Object> changes, Long expectedRevision) {
        ResponseDocument doc = loadDraft(responseId, expectedRevision);
        CompiledMethod method = methods.compiled(doc.methodId, doc.methodVersion);
        Map<String, Object> merged = merged(doc.answers, changes);
        Evaluation e = evaluate(method, doc, merged, users.current());
        if (!e.typeErrors().isEmpty()) {
            throw PlaceraException.invalid(FormProblemCodes.INVALID_ANSWERS,
                    "Some answers have the wrong form; nothing was saved.", e.typeErrors());
        }
        doc.answers = keptAnswers(e);
        doc.autoAnswered = new LinkedHashMap<>(e.autoAnswered());
        doc.updatedAt = clock.instant();
        doc = write(doc, "response.answer", false);
        return state(doc, e);
    }

    @Override
    public FormState submit(String responseId, Map<String, Object> changes, Long expectedRevision) {
        ResponseDocument doc = loadDraft(responseId, expectedRevision);
        CompiledMethod method = methods.compiled(doc.methodId, doc.methodVersion);
        Map<String, Object> merged = merged(doc.answers, changes);
        CurrentUser user = users.current();
        Evaluation e = evaluate(method, doc, merged, user);
        if (!e.errors().isEmpty()) {
            throw PlaceraException.invalid(FormProblemCodes.INVALID_ANSWERS,
                    "The response cannot be submitted: fix the answers listed.", e.errors());
        }
        Instant now = clock.instant();
        doc.answers = new LinkedHashMap<>(e.effective());
        doc.autoAnswered = new LinkedHashMap<>(e.autoAnswered());
        doc.status = "submitted";
        doc.updatedAt = now;
        doc.submittedAt = now;
        // ResponseSubmitted follows the audit entry out of the outbox (ResponseOutbox).
        doc = write(doc, "response.submit", false);
        return submittedState(doc, method);
    }

    @Override
    public List<ResponseSummary> mine(String status) {
        CurrentUser user = users.current();
        Criteria c = Criteria.where("createdBy").is(user.username());
        if (status != null && !status.isBlank()) {
            c = c.and("status").is(status);
        }
        Query q = scope.restrict(Query.query(c), "administration").with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(200);
        q.fields().exclude("answers");
        Map<String, SubjectAccess> access = subjectAccess();
        List<ResponseSummary> summaries = mongo.find(q, ResponseDocument.class).stream()
                .filter(d -> d.subjectType == null || !access.containsKey(d.subjectType) || mayWorkOn(d, user))
                .map(d -> new ResponseSummary(d.id, d.methodId, d.methodVersion, d.methodTitle, d.status,
                        subjectOf(d), d.respondentRole, d.updatedAt, d.submittedAt))
                .toList();
        events.publishEvent(new Audited("response.list", "response", null, user.administrationId(), "success",
                Map.of("count", summaries.size())));
        return summaries;
    }

    @Override
    public FormState preview(String methodId, Integer version, Map<String, Object> answers, Subject subject) {
        Definition d = version == null ? methods.forNewResponse(methodId, null) : methods.definition(methodId, version);
        CompiledMethod method = methods.compiled(d.id(), d.version());
        var doc = new ResponseDocument();
        Subject s = subject == null ? Subject.none() : subject;
        doc.methodId = method.id();
        doc.methodVersion = method.version();
        doc.subjectType = s.type();
        doc.subjectId = s.id();
        doc.subjectAttributes = s.attributes();
        doc.status = "preview";
        doc.answers = answers == null ? Map.of() : answers;
        return state(doc, evaluate(method, doc, doc.answers, users.current()));
    }

    @Override
    public Checked check(String methodId, int version, Map<String, Object> answers, Subject subject) {
        CompiledMethod method = methods.compiled(methodId, version);
        Map<String, Object> subjectMap = (subject == null ? Subject.none() : subject).asRuleMap();
        Evaluation e = engine.evaluate(method, answers == null ? Map.of() : answers, Map.of(), Map.of(), subjectMap);
        Map<String, Object> effective = new LinkedHashMap<>(e.effective());
        return new Checked(new FormState.MethodRef(method.id(), method.version(), method.title(), method.purpose()),
                effective, e.errors().isEmpty() ? engine.answerLabels(method, effective, Map.of(), subjectMap) : Map.of(),
                List.copyOf(e.errors()));
    }

    Evaluation evaluate(CompiledMethod method, ResponseDocument doc, Map<String, Object> answers, CurrentUser user) {
        return engine.evaluate(method, answers, presets.get(user.username(), method.id()), user.attributes(),
                subjectOf(doc).asRuleMap());
    }

    /** Draft answers kept: visible, not automatic, as given. */
    private static Map<String, Object> keptAnswers(Evaluation e) {
        Map<String, Object> kept = new LinkedHashMap<>();
        e.effective().forEach((k, v) -> {
            if (!e.autoAnswered().containsKey(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private ResponseDocument load(String id) {
        // Scoped to the administrations the user may see (GD-1): outside them a response does not exist.
        // By the primary key alone (a query with more fields than an index's is a scan in the embedded database),
        // then the scope in memory.
        ResponseDocument found = id == null || id.length() > 100 ? null : mongo.findById(id, ResponseDocument.class);
        ResponseDocument doc = found != null && scope.canSee(found.administration) ? found : null;
        CurrentUser user = users.current();
        // Someone else's response is reported as missing: its existence is not disclosed.
        if (doc == null || !(mayWorkOn(doc, user) || user.hasRole(Roles.ADMIN))) {
            auditRefused(id, found);
            throw PlaceraException.notFound(FormProblemCodes.RESPONSE_NOT_FOUND, "There is no response '" + id + "'.");
        }
        return doc;
    }

    /**
     * Whether the user may read and continue a response: on a subject whose module decides ({@link SubjectAccess},
     * e.g. a placement case), whoever that module lets work on the subject now — the documents of a case go with
     * the case when it moves to another caseworker, and leave the previous one; otherwise its creator.
     */
    private boolean mayWorkOn(ResponseDocument doc, CurrentUser user) {
        SubjectAccess access = doc.subjectType == null ? null : subjectAccess().get(doc.subjectType);
        if (access != null) {
            return doc.subjectId != null && access.mayWorkOn(doc.subjectId);
        }
        return user.username().equals(doc.createdBy);
    }

    private Map<String, SubjectAccess> subjectAccess() {
        Map<String, SubjectAccess> byType = new HashMap<>();
        subjectAccess.orderedStream().forEach(a -> byType.putIfAbsent(a.subjectType(), a));
        return byType;
    }

    /**
     * A refused attempt (PA-11): a response that exists but is outside the user's administrations or someone
     * else's is answered 404 like a missing one, and audited as denied with the record's administration. A
     * response that does not exist at all is not audited.
     */
    private void auditRefused(String id, ResponseDocument visible) {
        ResponseDocument target = visible;
        if (target == null) {
            Query q = Query.query(Criteria.where("_id").is(id));
            q.fields().include("_id", "administration");
            target = mongo.findOne(q, ResponseDocument.class);
        }
        if (target != null) {
            events.publishEvent(new Audited("response.access", "response", id, target.administration, "denied",
                    Map.of("code", FormProblemCodes.RESPONSE_NOT_FOUND)));
        }
    }

    /** The stored answers with the changes applied: a null value clears an answer. */
    private static Map<String, Object> merged(Map<String, Object> stored, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        if (changes != null) {
            changes.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
        }
        return merged;
    }

    /** Entering answers needs WRITE on the method (its own grant, else the follow-up module's level). */
    private void requireWrite(CurrentUser user, String methodId) {
        if (!user.canUseMethod(methodId, AccessLevel.WRITE)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, FormProblemCodes.METHOD_FORBIDDEN,
                    "You may not enter answers in method '" + methodId + "'.");
        }
    }

    private ResponseDocument loadDraft(String id, Long expectedRevision) {
        ResponseDocument doc = load(id);
        requireWrite(users.current(), doc.methodId);
        if (!"draft".equals(doc.status)) {
            throw PlaceraException.conflict(FormProblemCodes.ALREADY_SUBMITTED,
                    "The response has been submitted and can no longer be changed.");
        }
        // The revision read is required (428 without, 409 if stale); the save is conditional on it (@Version).
        Versions.check(expectedRevision, doc.revision, "/revision", FormProblemCodes.CONCURRENT_UPDATE);
        return doc;
    }

    /**
     * Writes a change together with its audit entry (one single-document write), then delivers the entry and its
     * follow-up events. If the delivery fails, the change stands and the caller gets its answer; the entry stays
     * on the document and the outbox sweep delivers it (exactly once to the audit log).
     */
    private ResponseDocument write(ResponseDocument doc, String action, boolean insert) {
        CurrentUser user = users.current();
        long revision = doc.revision == null ? 0 : doc.revision + 1;
        List<PendingAudit> pending = new ArrayList<>(doc.pending == null ? List.of() : doc.pending);
        pending.add(new PendingAudit(PendingAudit.idOf(doc.id, revision), clock.instant(), user.username(),
                user.administrationId(), audited(action, doc)));
        doc.pending = pending;
        ResponseDocument saved = insert ? mongo.insert(doc) : mongo.save(doc);
        outbox.deliver(responses, saved);
        return saved;
    }

    /** An audit event for a response; the subject (client, case…) and method go in the details, never answers. */
    private static Audited audited(String action, ResponseDocument d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("methodId", d.methodId);
        details.put("methodVersion", d.methodVersion);
        if (d.subjectType != null) {
            details.put("subjectType", d.subjectType);
            details.put("subjectId", d.subjectId);
        }
        return new Audited(action, "response", d.id, d.administration, "success", details);
    }

    private static Subject subjectOf(ResponseDocument d) {
        return new Subject(d.subjectType, d.subjectId, d.subjectAttributes == null ? Map.of() : d.subjectAttributes);
    }

    private FormState submittedState(ResponseDocument doc, CompiledMethod method) {
        Map<String, QuestionOutcome> outcomes = new HashMap<>();
        for (var q : method.questions().values()) {
            Object v = doc.answers.get(q.id());
            String auto = doc.autoAnswered == null ? null : doc.autoAnswered.get(q.id());
            outcomes.put(q.id(), new QuestionOutcome(q, v != null || auto != null, null, v, auto));
        }
        var e = new Evaluation(method, outcomes, doc.answers, doc.autoAnswered, List.of(), List.of(), List.of());
        FormState s = state(doc, e);
        Map<String, Object> labels = engine.answerLabels(method, doc.answers, users.current().attributes(),
                subjectOf(doc).asRuleMap());
        return new FormState(s.responseId(), s.method(), s.status(), s.subject(), s.areas(), s.answers(),
                s.messages(), s.complete(), s.revision(), s.updatedAt(), s.submittedAt(), labels);
    }

    private static FormState state(ResponseDocument doc, Evaluation e) {
        CompiledMethod m = e.method();
        List<FormState.AreaState> areas = new ArrayList<>();
        for (CompiledMethod.Area a : m.areas()) {
            List<FormState.QuestionState> qs = new ArrayList<>();
            for (CompiledMethod.Question q : a.questions()) {
                QuestionOutcome o = e.outcomes().get(q.id());
                if (o == null || !o.visible()) {
                    continue;
                }
                qs.add(new FormState.QuestionState(q.id(), q.heading(), q.text(), q.help(), q.helpHtml(), q.kind(),
                        q.answerType(), q.scale(), q.scaleLabels(), q.allowNotApplicable() ? Boolean.TRUE : null,
                        q.minimum(), q.maximum(), q.maxLength(), q.multiline(), q.required(), o.options(), o.value(),
                        o.autoSource() != null, o.autoSource()));
            }
            if (!qs.isEmpty()) {
                areas.add(new FormState.AreaState(a.id(), a.title(), a.description(), qs));
            }
        }
        List<FormState.Message> messages = new ArrayList<>();
        for (Problem p : e.errors()) {
            messages.add(new FormState.Message(p.pointer(), p.code(), p.detail(), "error"));
        }
        for (Problem p : e.notes()) {
            messages.add(new FormState.Message(p.pointer(), p.code(), p.detail(), "info"));
        }
        return new FormState(doc.id, new FormState.MethodRef(m.id(), m.version(), m.title(), m.purpose()), doc.status,
                subjectOf(doc), areas, e.effective(), messages, e.complete(), doc.revision, doc.updatedAt,
                doc.submittedAt);
    }
}
