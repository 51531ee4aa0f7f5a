package se.placera.placements.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.forms.ResponseSubmitted;
import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleContext;
import se.placera.forms.rules.RuleResultType;
import se.placera.placements.PersonalIdentityNumber;
import se.placera.placements.PlacementCases;
import se.placera.placements.PlacementProblemCodes;
import se.placera.placements.ProcessDefinition;
import se.placera.placements.ProcessDefinition.Relation;
import se.placera.placements.ProcessDefinition.State;
import se.placera.placements.ProcessDefinition.Transition;
import se.placera.placements.Processes;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.security.UserDirectory;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;
import se.placera.shared.Versions;

/**
 * The one authority on placement cases: who sees a case (involvement within the administrations of
 * {@link AccessScope}), which transitions the pinned process allows, and how each change is written (one
 * single-document write with its audit entry, guarded by the case's revision).
 */
@Service
class CaseService implements PlacementCases {

    static final String DEFAULT_PROCESS = "placering";
    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;

    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final AccessScope scope;
    private final Processes processes;
    private final CaseFacts facts;
    private final RuleCompiler rules;
    private final IdentityProtector identity;
    private final Outbox outbox;
    private final CaseOutbox caseOutbox;
    private final NoteOutbox noteOutbox;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, CompiledRule> guards = new ConcurrentHashMap<>();
    private final CaseWorklists worklists;

    CaseService(MongoTemplate mongo, CurrentUsers users, AccessScope scope, Processes processes, CaseFacts facts,
            RuleCompiler rules, IdentityProtector identity, Outbox outbox, CaseOutbox caseOutbox, NoteOutbox noteOutbox,
            UserDirectory directory, ApplicationEventPublisher events, Clock clock, CaseWorklists worklists) {
        this.worklists = worklists;
        this.mongo = mongo;
        this.users = users;
        this.scope = scope;
        this.processes = processes;
        this.facts = facts;
        this.rules = rules;
        this.identity = identity;
        this.outbox = outbox;
        this.caseOutbox = caseOutbox;
        this.noteOutbox = noteOutbox;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- create and read

    @Override
    public CaseView create(NewCase request) {
        CurrentUser user = require(AccessLevel.WRITE);
        List<Problem> problems = new ArrayList<>();
        LocalDate today = SwedishTime.today(clock);
        PersonalIdentityNumber number = null;
        try {
            number = PersonalIdentityNumber.parse(request.personalIdentityNumber(), today);
        } catch (PersonalIdentityNumber.InvalidException e) {
            problems.add(new Problem("/personalIdentityNumber", e.defect().code(), e.getMessage()));
        }
        if (request.clientName() != null && request.clientName().length() > MAX_NAME) {
            problems.add(new Problem("/clientName", "size", "At most " + MAX_NAME + " characters."));
        }
        Map<String, Object> caseFacts = facts.check(request, problems);
        String coordinator = blankToNull(request.coordinator());
        if (coordinator != null && !mayWorkOn(coordinator, user.administrationId(), AccessLevel.READ)) {
            problems.add(new Problem("/coordinator", "case.unknown-user",
                    "There is no active user '" + bounded(coordinator) + "' with placement rights in the administration."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The case has errors; nothing was stored.",
                    problems);
        }
        String processId = request.processId() == null || request.processId().isBlank() ? DEFAULT_PROCESS
                : request.processId();
        ProcessDefinition process = processes.inUse(processId).orElseThrow(() -> PlaceraException.conflict(
                PlacementProblemCodes.NO_PROCESS, "There is no published process '" + bounded(processId) + "'."));
        caseFacts.put("age", number.ageOn(today));

        Instant now = clock.instant();
        CaseDocument c = new CaseDocument();
        c.id = UUID.randomUUID().toString();
        c.administration = scope.homeAdministration();
        c.processId = process.id();
        c.processVersion = process.version();
        c.state = process.initialState();
        c.stateSince = now;
        c.client = new CaseDocument.Client();
        c.client.identityCipher = identity.encrypt(number.canonical());
        c.client.identityHash = identity.lookupHash(number.canonical());
        c.client.masked = number.masked();
        c.client.birthDate = number.birthDate();
        c.client.coordinationNumber = number.isCoordinationNumber();
        c.client.name = blankToNull(request.clientName());
        c.facts = caseFacts;
        c.responsible = user.username();
        c.coordinator = coordinator;
        CaseDocument.Holding holding = new CaseDocument.Holding();
        holding.username = user.username();
        holding.from = now;
        holding.reason = "upprättade ärendet";
        c.holders.add(holding);
        c.createdAt = now;
        c.createdBy = user.username();
        c.updatedAt = now;
        enter(c, process.state(c.state).orElseThrow(), now);
        return view(write(c, "case.create", Map.of("process", process.id(), "processVersion", process.version(),
                "state", c.state), true), user, process);
    }

    @Override
    public List<CaseSummary> mine() {
        CurrentUser user = require(AccessLevel.READ);
        Criteria involved = new Criteria().orOperator(Criteria.where("responsible").is(user.username()),
                Criteria.where("coordinator").is(user.username()));
        Query query = scope.restrict(new Query(), "administration");
        if (!user.can(PlaceraModule.PLACEMENT, AccessLevel.ADMIN)) {
            query.addCriteria(involved);
        }
        List<CaseSummary> list = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(500),
                CaseDocument.class).stream().map(this::summary).toList();
        events.publishEvent(new Audited("case.list", "case", null, scope.homeAdministration(), "success",
                Map.of("count", list.size())));
        return list;
    }

    @Override
    public CaseView get(String caseId) {
        CurrentUser user = require(AccessLevel.READ);
        CaseDocument c = load(caseId, user, "case.read");
        events.publishEvent(Audited.success("case.read", "case", c.id, c.administration));
        return view(c, user, process(c));
    }

    @Override
    public String revealIdentity(String caseId) {
        CurrentUser user = require(AccessLevel.READ);
        CaseDocument c = load(caseId, user, "case.identity.reveal");
        events.publishEvent(Audited.success("case.identity.reveal", "case", c.id, c.administration));
        return PersonalIdentityNumber.parse(identity.decrypt(c.client.identityCipher), SwedishTime.today(clock))
                .formatted();
    }

    @Override
    public List<CaseSummary> findByIdentity(String personalIdentityNumber) {
        CurrentUser user = require(AccessLevel.READ);
        PersonalIdentityNumber number;
        try {
            number = PersonalIdentityNumber.parse(personalIdentityNumber, SwedishTime.today(clock));
        } catch (PersonalIdentityNumber.InvalidException e) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, e.getMessage(),
                    List.of(new Problem("/personalIdentityNumber", e.defect().code(), e.getMessage())));
        }
        Query query = scope.restrict(Query.query(Criteria.where("client.identityHash")
                .is(identity.lookupHash(number.canonical()))), "administration");
        List<CaseSummary> found = mongo.find(query.limit(100), CaseDocument.class).stream()
                .filter(c -> !relations(user, c).isEmpty()).map(this::summary).toList();
        // The number itself never enters the log: the search is recorded with its result count.
        events.publishEvent(new Audited("case.search", "case", null, scope.homeAdministration(), "success",
                Map.of("count", found.size())));
        return found;
    }

    // ---------------------------------------------------------------- change

    @Override
    public CaseView act(String caseId, String verb, Action action) {
        return take(caseId, verb, action, null, null);
    }

    @Override
    public CaseView recordPlacement(String caseId, String verb, Placement placement) {
        List<Problem> problems = new ArrayList<>();
        if (placement == null || placement.unitId() == null || placement.unitId().isBlank()) {
            problems.add(new Problem("/unitId", "required", "The placement needs a unit."));
        }
        if (placement != null && placement.pricePerDay() != null && placement.pricePerDay() < 0) {
            problems.add(new Problem("/pricePerDay", "minimum", "The price per day cannot be negative."));
        }
        if (placement != null && placement.reason() != null && placement.reason().length() > MAX_TEXT) {
            problems.add(new Problem("/reason", "size", "At most " + MAX_TEXT + " characters."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The placement has errors; nothing was changed.",
                    problems);
        }
        return take(caseId, verb, new Action(placement.revision(), null, placement.reason()), placement, null);
    }

    /**
     * Takes a transition; {@code also} (if any) changes the case further in the same write, after the checks, and
     * adds to the audit details (PA-10: the end date of a placement ended by {@code avsluta}).
     */
    CaseView take(String caseId, String verb, Action action, Placement placement,
            java.util.function.BiConsumer<CaseDocument, Map<String, Object>> also) {
        CurrentUser user = require(AccessLevel.WRITE);
        CaseDocument c = load(caseId, user, "case." + bounded(verb));
        ProcessDefinition process = process(c);
        Transition t = process.transition(verb).orElseThrow(() -> PlaceraException.notFound(
                PlacementProblemCodes.UNKNOWN_ACTION, "The process has no action '" + bounded(verb) + "'.")
                .with("allowed", verbsFrom(process, c.state)));
        if (!t.from().contains(c.state)) {
            throw PlaceraException.conflict(PlacementProblemCodes.TRANSITION_NOT_ALLOWED,
                    "'" + t.title() + "' cannot be taken while the case is '" + stateTitle(process, c.state) + "'.")
                    .with("allowed", verbsFrom(process, c.state)).with("state", c.state);
        }
        if (!mayTake(t, relations(user, c))) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, PlacementProblemCodes.NOT_YOUR_ACTION,
                    "Only " + t.allowed() + " of the case may take '" + t.title() + "'.");
        }
        if (t.placement() && placement == null) {
            throw PlaceraException.conflict(PlacementProblemCodes.PLACEMENT_REQUIRED,
                    "'" + t.title() + "' is taken by choosing a provider's answer to an inquiry; nothing was changed.")
                    .with("verb", t.verb());
        }
        checkRevision(c, action == null ? null : action.revision());
        Optional<String> blocked = blockedBy(t, c, user);
        if (blocked.isPresent()) {
            boolean method = t.requiresMethod() != null && !c.submittedMethods.contains(t.requiresMethod());
            PlaceraException e = PlaceraException.conflict(method ? PlacementProblemCodes.METHOD_REQUIRED
                    : PlacementProblemCodes.GUARD_FAILED, blocked.get());
            throw method ? e.with("method", t.requiresMethod()) : e;
        }
        State target = process.state(t.to()).orElseThrow();
        String reason = action == null ? null : blankToNull(action.reason());
        String comment = action == null ? null : blankToNull(action.comment());
        List<Problem> problems = new ArrayList<>();
        if (target.endReasonCodelist() != null) {
            if (reason == null) {
                problems.add(new Problem("/reason", "required", "Ange en orsak (" + target.endReasonCodelist() + ")."));
            } else if (!facts.isActiveValue(target.endReasonCodelist(), reason)) {
                problems.add(new Problem("/reason", "codelist.value", "'" + bounded(reason)
                        + "' is not an active value of the codelist " + target.endReasonCodelist() + "."));
            }
        }
        if (comment != null && comment.length() > MAX_TEXT) {
            problems.add(new Problem("/comment", "size", "At most " + MAX_TEXT + " characters."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The action has errors; nothing was changed.",
                    problems);
        }
        Instant now = clock.instant();
        String from = c.state;
        leave(c, now);
        CaseDocument.Step step = new CaseDocument.Step();
        step.verb = t.verb();
        step.from = from;
        step.to = t.to();
        step.by = user.username();
        step.at = now;
        step.reason = target.endReasonCodelist() != null ? reason : null;
        step.comment = comment;
        c.history.add(step);
        c.state = t.to();
        c.stateSince = now;
        if (target.endReasonCodelist() != null) {
            c.endReason = reason;
        }
        c.updatedAt = now;
        enter(c, target, now);
        Map<String, Object> details = change("state", from, t.to());
        if (placement != null) {
            CaseDocument.Placement p = new CaseDocument.Placement();
            p.unitId = placement.unitId();
            p.unitName = placement.unitName();
            p.providerId = placement.providerId();
            p.providerName = placement.providerName();
            p.pricePerDay = placement.pricePerDay();
            p.startDate = placement.startDate();
            p.roundId = placement.roundId();
            p.inquiryId = placement.inquiryId();
            p.reason = comment;
            p.decidedBy = user.username();
            p.decidedAt = now;
            c.placement = p;
            details.put("unitId", p.unitId);
            details.put("inquiryId", p.inquiryId);
        }
        if (step.reason != null) {
            details.put("reason", step.reason);
        }
        if (also != null) {
            also.accept(c, details);
        }
        return view(write(c, "case." + t.verb(), details, false), user, process);
    }

    @Override
    public CaseView transfer(String caseId, Transfer transfer) {
        CurrentUser user = require(AccessLevel.WRITE);
        CaseDocument c = load(caseId, user, "case.transfer");
        Set<Relation> mine = relations(user, c);
        if (!mine.contains(Relation.RESPONSIBLE) && !mine.contains(Relation.PLACEMENT_OFFICER)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, PlacementProblemCodes.NOT_YOUR_ACTION,
                    "Only the responsible caseworker or a placement officer may move the case to another caseworker.");
        }
        checkRevision(c, transfer == null ? null : transfer.revision());
        String to = transfer == null ? null : blankToNull(transfer.to());
        String reason = transfer == null ? null : blankToNull(transfer.reason());
        List<Problem> problems = new ArrayList<>();
        if (to == null) {
            problems.add(new Problem("/to", "required", "Ange handläggaren som tar över ärendet."));
        } else if (to.equals(c.responsible)) {
            problems.add(new Problem("/to", "case.same-caseworker", "The case is already held by " + bounded(to) + "."));
        } else if (!mayWorkOn(to, c.administration, AccessLevel.WRITE)) {
            problems.add(new Problem("/to", "case.unknown-user", "There is no active user '" + bounded(to)
                    + "' who may handle placements in the case's administration."));
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            problems.add(new Problem("/reason", "size", "At most " + MAX_TEXT + " characters."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The transfer has errors; nothing was changed.",
                    problems);
        }
        Instant now = clock.instant();
        String previous = c.responsible;
        c.holders.stream().filter(h -> h.until == null).forEach(h -> h.until = now);
        CaseDocument.Holding holding = new CaseDocument.Holding();
        holding.username = to;
        holding.from = now;
        holding.reason = reason;
        c.holders.add(holding);
        for (CaseDocument.CaseTask task : c.tasks) {
            if ("open".equals(task.status) && previous.equals(task.assignedTo)) {
                task.assignedTo = to;
            }
        }
        c.responsible = to;
        c.updatedAt = now;
        return view(write(c, "case.transfer", change("responsible", previous, to), false), user, process(c));
    }

    /** Audit details of a change of one field, as {@code before}/{@code after} objects (shown as the changed field). */
    private static Map<String, Object> change(String field, Object before, Object after) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(field, before);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(field, after);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", b);
        details.put("after", a);
        return details;
    }

    @Override
    public Note addNote(String caseId, NewNote note) {
        CurrentUser user = require(AccessLevel.READ);
        CaseDocument c = load(caseId, user, "case.note");
        String text = note == null ? null : note.text();
        List<Problem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(new Problem("/text", "required", "Skriv anteckningen."));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new Problem("/text", "size", "At most " + MAX_TEXT + " characters."));
        }
        String corrects = note == null ? null : blankToNull(note.corrects());
        NoteDocument corrected = corrects == null || corrects.length() > 100 ? null
                : mongo.findById(corrects, NoteDocument.class);
        if (corrects != null && (corrected == null || !c.id.equals(corrected.caseId))) {
            problems.add(new Problem("/corrects", "case.unknown-note", "The case has no note '" + bounded(corrects) + "'."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The note has errors; nothing was stored.",
                    problems);
        }
        NoteDocument n = new NoteDocument();
        n.id = UUID.randomUUID().toString();
        n.caseId = c.id;
        n.administration = c.administration;
        n.author = user.username();
        n.authorName = user.displayName();
        n.role = String.join(",", relations(user, c).stream().filter(r -> r != Relation.INVOLVED)
                .map(Relation::code).sorted().toList());
        n.at = clock.instant();
        n.text = text.strip();
        n.corrects = corrects;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noteId", n.id);
        if (corrects != null) {
            details.put("corrects", corrects);
        }
        n.pending = List.of(new PendingAudit(PendingAudit.idOf(n.id, 0L), n.at, user.username(),
                user.administrationId(), new Audited("case.note", "case", c.id, c.administration, "success", details)));
        NoteDocument saved = mongo.insert(n);
        outbox.deliver(noteOutbox, saved);
        return note(saved, null);
    }

    @Override
    public List<Note> notes(String caseId) {
        CurrentUser user = require(AccessLevel.READ);
        CaseDocument c = load(caseId, user, "case.notes.read");
        events.publishEvent(Audited.success("case.notes.read", "case", c.id, c.administration));
        List<NoteDocument> log = mongo.find(Query.query(Criteria.where("caseId").is(c.id)).with(Sort.by("at"))
                .limit(5000), NoteDocument.class);
        // The note that corrects each note (the latest, if corrected twice); the corrected note stays as it was.
        Map<String, String> correctedBy = new HashMap<>();
        log.stream().filter(n -> n.corrects != null).forEach(n -> correctedBy.put(n.corrects, n.id));
        return log.stream().map(n -> note(n, correctedBy.get(n.id))).toList();
    }

    /** A method submitted on a case counts for {@code requiresMethod} and completes the case's tasks for it. */
    @EventListener
    void on(ResponseSubmitted submitted) {
        if (submitted.subject() == null || !"case".equals(submitted.subject().type()) || submitted.subject().id() == null) {
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            CaseDocument c = mongo.findById(submitted.subject().id(), CaseDocument.class);
            if (c == null || (c.submittedMethods.contains(submitted.methodId()) && c.tasks.stream()
                    .noneMatch(t -> "open".equals(t.status) && submitted.methodId().equals(t.method)))) {
                return;
            }
            Instant now = clock.instant();
            c.submittedMethods.add(submitted.methodId());
            c.tasks.stream().filter(t -> "open".equals(t.status) && submitted.methodId().equals(t.method))
                    .forEach(t -> {
                        t.status = "done";
                        t.closedAt = now;
                    });
            c.updatedAt = now;
            try {
                long revision = c.revision == null ? 0 : c.revision + 1;
                List<PendingAudit> pending = new ArrayList<>(c.pending == null ? List.of() : c.pending);
                pending.add(new PendingAudit(PendingAudit.idOf(c.id, revision), now, submitted.respondent(), null,
                        new Audited("case.method-submitted", "case", c.id, c.administration, "success",
                                Map.of("methodId", submitted.methodId(), "responseId", submitted.responseId()))));
                c.pending = pending;
                List<String> stored = c.workKeys;
                ProcessDefinition process = process(c);
                c.workKeys = WorkKeys.of(c, process);
                worklists.beforeWrite(c.id, stored, c.workKeys);
                CaseDocument saved = mongo.save(c);
                worklists.afterWrite(saved, stored, process);
                outbox.deliver(caseOutbox, saved);
                return;
            } catch (OptimisticLockingFailureException e) {
                // someone changed the case meanwhile: read it again
            }
        }
    }

    // ---------------------------------------------------------------- rules of the case

    CurrentUser require(AccessLevel level) {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.PLACEMENT, level)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, PlacementProblemCodes.FORBIDDEN,
                    "You do not have the placement rights (PLACEMENT " + level + ") this needs.");
        }
        return user;
    }

    /** The case if it is in the user's administrations and the user is involved; otherwise 404, audited as denied. */
    CaseDocument load(String caseId, CurrentUser user, String action) {
        // By the primary key alone (the embedded database answers only a query on exactly an index's fields from
        // the index; with the administration in the query it would scan every case), then the scope in memory.
        CaseDocument c = caseId == null || caseId.length() > 100 ? null : mongo.findById(caseId, CaseDocument.class);
        if (c == null || !scope.canSee(c.administration) || relations(user, c).isEmpty()) {
            events.publishEvent(Audited.denied(action, "case", caseId, PlacementProblemCodes.NOT_FOUND));
            throw PlaceraException.notFound(PlacementProblemCodes.NOT_FOUND, "There is no such case.");
        }
        return c;
    }

    static Set<Relation> relations(CurrentUser user, CaseDocument c) {
        Set<Relation> r = EnumSet.noneOf(Relation.class);
        if (user.username().equals(c.responsible)) {
            r.add(Relation.RESPONSIBLE);
        }
        if (user.username().equals(c.coordinator)) {
            r.add(Relation.COORDINATOR);
        }
        if (user.can(PlaceraModule.PLACEMENT, AccessLevel.ADMIN) && user.canSee(c.administration)) {
            r.add(Relation.PLACEMENT_OFFICER);
        }
        if (!r.isEmpty()) {
            r.add(Relation.INVOLVED);
        }
        return r;
    }

    private static boolean mayTake(Transition t, Set<Relation> mine) {
        return t.allowed().stream().anyMatch(mine::contains);
    }

    /** Why a transition the user may take cannot be taken now (guard, required method), if it cannot. */
    private Optional<String> blockedBy(Transition t, CaseDocument c, CurrentUser user) {
        if (t.guard() != null) {
            CompiledRule rule = guards.computeIfAbsent(t.guard(), g -> rules.compile(g, RuleResultType.BOOL));
            if (!rule.evaluate(new RuleContext(Map.of(), user.attributes(), c.facts, null)).isTrue()) {
                return Optional.of(t.guardMessage() != null ? t.guardMessage()
                        : "Villkoret för '" + t.title() + "' är inte uppfyllt.");
            }
        }
        if (t.requiresMethod() != null && !c.submittedMethods.contains(t.requiresMethod())) {
            return Optional.of("Formuläret '" + t.requiresMethod() + "' måste skickas in på ärendet först.");
        }
        return Optional.empty();
    }

    /** 428 without the revision read, 409 {@code CASE_CHANGED} with a stale one (shared.Versions). */
    private void checkRevision(CaseDocument c, Long revision) {
        Versions.check(revision, c.revision, "/revision", PlacementProblemCodes.CHANGED);
    }

    private boolean mayWorkOn(String username, String administration, AccessLevel level) {
        return directory.byUsername(username).filter(UserDirectory.UserAccount::active)
                .map(UserDirectory.UserAccount::user)
                .filter(u -> u.can(PlaceraModule.PLACEMENT, level) && u.canSee(administration)).isPresent();
    }

    /** Closes the open tasks of the state the case leaves. */
    private static void leave(CaseDocument c, Instant now) {
        for (CaseDocument.CaseTask task : c.tasks) {
            if ("open".equals(task.status) && c.state.equals(task.state)) {
                task.status = "closed";
                task.closedAt = now;
            }
        }
    }

    /** Gives the case the tasks of the state it enters. */
    private void enter(CaseDocument c, State state, Instant now) {
        LocalDate today = SwedishTime.today(clock);
        for (ProcessDefinition.Task t : state.tasks()) {
            CaseDocument.CaseTask task = new CaseDocument.CaseTask();
            task.id = t.id() + "@" + c.history.size();
            task.taskId = t.id();
            task.state = state.id();
            task.title = t.title();
            task.assignee = t.assignee().code();
            task.assignedTo = switch (t.assignee()) {
                case COORDINATOR -> c.coordinator != null ? c.coordinator : c.responsible;
                case PLACEMENT_OFFICER -> null;
                default -> c.responsible;
            };
            task.due = t.dueInDays() == null ? null : today.plusDays(t.dueInDays());
            task.method = t.method();
            task.status = t.method() != null && c.submittedMethods.contains(t.method()) ? "done" : "open";
            task.createdAt = now;
            c.tasks.add(task);
        }
    }

    /** One single-document write with its audit entry, guarded by the revision; then the entry is delivered. */
    CaseDocument write(CaseDocument c, String action, Map<String, Object> details, boolean insert) {
        CurrentUser user = users.current();
        long revision = c.revision == null ? 0 : c.revision + 1;
        List<PendingAudit> pending = new ArrayList<>(c.pending == null ? List.of() : c.pending);
        pending.add(new PendingAudit(PendingAudit.idOf(c.id, revision), clock.instant(), user.username(),
                user.administrationId(), new Audited(action, "case", c.id, c.administration, "success", details)));
        c.pending = pending;
        List<String> stored = c.workKeys;
        ProcessDefinition process = process(c);
        c.workKeys = WorkKeys.of(c, process);
        worklists.beforeWrite(c.id, stored, c.workKeys);
        CaseDocument saved;
        try {
            saved = insert ? mongo.insert(c) : mongo.save(c);
        } catch (OptimisticLockingFailureException e) {
            throw PlaceraException.conflict(PlacementProblemCodes.CHANGED,
                    "The case was changed by someone else at the same time. Reload it and try again.");
        }
        worklists.afterWrite(saved, stored, process);
        outbox.deliver(caseOutbox, saved);
        return saved;
    }

    ProcessDefinition process(CaseDocument c) {
        return processes.version(c.processId, c.processVersion);
    }

    private static List<String> verbsFrom(ProcessDefinition process, String state) {
        return process.transitionsFrom(state).stream().map(Transition::verb).toList();
    }

    private static String stateTitle(ProcessDefinition process, String state) {
        return process.state(state).map(State::title).orElse(state);
    }

    // ---------------------------------------------------------------- views

    /** Why the user cannot take a transition of the case now, or null when they can. */
    String refusal(Transition t, CaseDocument c, CurrentUser user) {
        return !user.can(PlaceraModule.PLACEMENT, AccessLevel.WRITE)
                ? "Du har inte behörighet att ändra placeringsärenden."
                : !mayTake(t, relations(user, c)) ? "Bara " + t.allowed().stream().map(Relation::code).sorted()
                        .toList() + " i ärendet får göra detta."
                : blockedBy(t, c, user).orElse(null);
    }

    private CaseView view(CaseDocument c, CurrentUser user, ProcessDefinition process) {
        List<ActionView> actions = process.transitionsFrom(c.state).stream().map(t -> {
            String refusal = refusal(t, c, user);
            return new ActionView(t.verb(), t.title(), t.to(), refusal == null, refusal, t.placement());
        }).toList();
        State state = process.state(c.state).orElse(null);
        LocalDate today = SwedishTime.today(clock);
        return new CaseView(c.id, c.administration, c.processId, c.processVersion, c.state,
                state == null ? c.state : state.title(), state != null && state.isFinal(),
                new Client(c.client.masked, c.client.birthDate,
                        c.client.birthDate == null ? null : java.time.Period.between(c.client.birthDate, today).getYears(),
                        c.client.coordinationNumber, c.client.name),
                c.facts, c.responsible, c.coordinator, actions,
                c.tasks.stream().map(t -> new TaskView(t.id, t.title, t.state, t.assignee, t.assignedTo, t.due,
                        t.method, t.status)).toList(),
                c.history.stream().map(s -> new StepView(s.verb, s.from, s.to, s.by, s.at, s.reason, s.comment,
                        process.transition(s.verb).map(Transition::title).orElse(s.verb), stateTitle(process, s.from),
                        stateTitle(process, s.to))).toList(),
                c.holders.stream().map(h -> new HoldingView(h.username, h.from, h.until, h.reason)).toList(),
                c.endReason, c.createdAt, c.revision, c.placement == null ? null : new PlacementView(
                        c.placement.unitId, c.placement.unitName, c.placement.providerId, c.placement.providerName,
                        c.placement.pricePerDay, c.placement.startDate, c.placement.roundId, c.placement.inquiryId,
                        c.placement.reason, c.placement.decidedBy, c.placement.decidedAt));
    }

    private CaseSummary summary(CaseDocument c) {
        String stateTitle = c.state;
        try {
            stateTitle = stateTitle(process(c), c.state);
        } catch (RuntimeException e) {
            // a process version that cannot be read shows the state id
        }
        return new CaseSummary(c.id, c.client.masked, c.client.name, c.state, stateTitle,
                (String) c.facts.get("targetGroup"), (String) c.facts.get("placementForm"), c.responsible,
                c.coordinator, c.updatedAt);
    }

    private static Note note(NoteDocument n, String correctedBy) {
        return new Note(n.id, n.caseId, n.author, n.authorName, n.role, n.at, n.text, n.corrects, correctedBy);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A value from the request, cut for a message. */
    private static String bounded(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
