package se.placera.inquiries.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import se.placera.forms.FormState;
import se.placera.forms.Forms;
import se.placera.forms.Subject;
import se.placera.inquiries.InquiriesProperties;
import se.placera.inquiries.Inquiries;
import se.placera.inquiries.InquiryMail;
import se.placera.inquiries.InquiryProblemCodes;
import se.placera.metadata.Definition;
import se.placera.placements.PlacementCases;
import se.placera.placements.PlacementCases.CaseView;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;

/**
 * The one authority on inquiry rounds. Who may see or change a round is who may see its case
 * ({@link PlacementCases#get}: 404 for anyone else); the case moves only through its process
 * ({@link PlacementCases#act}, {@link PlacementCases#recordPlacement}); every change of a round is one versioned
 * write of the round document that carries its audit entry and its mails, delivered by the {@link Outbox}.
 */
@Service
@EnableScheduling
@EnableConfigurationProperties(InquiriesProperties.class)
class InquiryService implements Inquiries {

    static final int MAX_TEXT = 4000;
    static final int MAX_ATTACHMENTS = 20;
    static final Pattern ATTACHMENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");
    static final Set<String> RECEIVED_VIA = Set.of("telefon", "e-post", "brev");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("sv-SE")).withZone(SwedishTime.ZONE);
    private static final int ATTEMPTS = 8;

    private final MongoTemplate mongo;
    private final PlacementCases cases;
    private final Register register;
    private final Forms forms;
    private final InquiryMethods methods;
    private final CurrentUsers users;
    private final Outbox outbox;
    private final RoundOutbox roundOutbox;
    private final ApplicationEventPublisher events;
    private final InquiriesProperties props;
    private final Clock clock;

    InquiryService(MongoTemplate mongo, PlacementCases cases, Register register, Forms forms, InquiryMethods methods,
            CurrentUsers users, Outbox outbox, RoundOutbox roundOutbox, ApplicationEventPublisher events,
            InquiriesProperties props, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.register = register;
        this.forms = forms;
        this.methods = methods;
        this.users = users;
        this.outbox = outbox;
        this.roundOutbox = roundOutbox;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- send

    @Override
    public RoundView send(String caseId, NewRound request, String idempotencyKey) {
        CaseView c = cases.get(caseId);
        CurrentUser user = requireWrite();
        String key = blankToNull(idempotencyKey) != null ? blankToNull(idempotencyKey)
                : request == null ? null : blankToNull(request.roundId());
        if (key != null && key.length() > 100) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "The idempotency key is too long.",
                    List.of(new Problem("/roundId", "size", "At most 100 characters.")));
        }
        String roundId = key == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("round\0" + c.id() + "\0" + key).getBytes(StandardCharsets.UTF_8)).toString();
        if (key != null) {
            RoundDocument existing = mongo.findById(roundId, RoundDocument.class);
            if (existing != null) {
                return view(existing.status.equals(RoundDocument.PREPARING) ? complete(existing, c, null) : existing);
            }
        }
        RoundDocument round = prepare(roundId, key, c, request, user);
        try {
            mongo.insert(round);
        } catch (DuplicateKeyException e) {
            // The same request at the same time: the other one sends it.
            RoundDocument other = mongo.findById(roundId, RoundDocument.class);
            return view(other.status.equals(RoundDocument.PREPARING) ? complete(other, c, null) : other);
        }
        try {
            return view(complete(round, c, request.revision()));
        } catch (PlaceraException e) {
            // The case refused the transition (state, guard, revision): the round was never sent.
            mongo.remove(Query.query(Criteria.where("_id").is(round.id).and("status").is(RoundDocument.PREPARING)),
                    RoundDocument.class);
            throw e;
        }
    }

    /** Checks a request and builds the round, still {@code preparing}; throws 400 with every problem found. */
    private RoundDocument prepare(String roundId, String key, CaseView c, NewRound request, CurrentUser user) {
        List<Problem> problems = new ArrayList<>();
        if (request == null) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "Send the round to send.",
                    List.of(new Problem("", "required", "A body is required.")));
        }
        if (request.revision() == null) {
            problems.add(new Problem("/revision", "required", "The case's revision is required."));
        }
        Instant now = clock.instant();
        if (request.deadline() == null) {
            problems.add(new Problem("/deadline", "required", "Ange sista svarsdag."));
        } else if (!request.deadline().isAfter(now)) {
            problems.add(new Problem("/deadline", "inquiry.deadline-past", "Sista svarsdag måste ligga i framtiden."));
        }
        List<String> unitIds = request.unitIds() == null ? List.of() : request.unitIds();
        if (unitIds.isEmpty()) {
            problems.add(new Problem("/unitIds", "required", "Välj minst en verksamhet."));
        } else if (unitIds.size() > props.maxUnits()) {
            problems.add(new Problem("/unitIds", "size", "At most " + props.maxUnits() + " units in one round."));
        }
        Map<String, Object> facts = c.facts() == null ? Map.of() : c.facts();
        Definition inquiryMethod = methods.choose(InquiryMethods.INQUIRY, facts).orElse(null);
        Definition responseMethod = methods.choose(InquiryMethods.RESPONSE, facts).orElse(null);
        if (inquiryMethod == null || responseMethod == null) {
            throw PlaceraException.conflict(InquiryProblemCodes.NO_METHOD, "There is no published "
                    + (inquiryMethod == null ? InquiryMethods.INQUIRY : InquiryMethods.RESPONSE)
                    + " method for the case's target group and placement form.");
        }
        Subject subject = new Subject("case", c.id(), facts);
        Forms.Checked content = forms.check(inquiryMethod.id(), inquiryMethod.version(), request.content(), subject);
        content.problems().forEach(p -> problems.add(new Problem("/content" + p.pointer().replaceFirst("^/answers", ""),
                p.code(), p.detail())));
        problems.addAll(identityIn(content.answers(), c.client()));

        RoundDocument round = new RoundDocument();
        round.id = roundId;
        round.caseId = c.id();
        round.administration = c.administration();
        round.requestKey = key;
        round.status = RoundDocument.PREPARING;
        round.deadline = request.deadline();
        round.inquiryMethod = new RoundDocument.MethodRef(inquiryMethod.id(), inquiryMethod.version(),
                inquiryMethod.title());
        round.responseMethod = new RoundDocument.MethodRef(responseMethod.id(), responseMethod.version(),
                responseMethod.title());
        round.subject = new LinkedHashMap<>(facts);
        round.content = new LinkedHashMap<>(content.answers());
        round.contentLabels = new LinkedHashMap<>(content.answerLabels());
        round.sentBy = user.username();
        round.sentByName = user.displayName();
        round.sentByEmail = user.email();
        round.createdAt = now;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < unitIds.size(); i++) {
            String pointer = "/unitIds/" + i;
            String unitId = unitIds.get(i);
            Unit unit = unitId == null || unitId.isBlank() || unitId.length() > 100 ? null
                    : register.unit(new UnitId(unitId)).orElse(null);
            if (unit == null || !unit.isActive()) {
                problems.add(new Problem(pointer, "inquiry.unknown-unit", "There is no active unit '" + bounded(unitId)
                        + "' in the register."));
                continue;
            }
            if (!seen.add(unitId)) {
                problems.add(new Problem(pointer, "inquiry.duplicate-unit", "The unit is already in the round."));
                continue;
            }
            Provider provider = unit.providerId() == null ? null
                    : register.provider(new ProviderId(unit.providerId())).orElse(null);
            String email = provider == null || provider.contact() == null ? null : blankToNull(provider.contact().email());
            if (email == null) {
                problems.add(new Problem(pointer, "inquiry.no-email", "Utföraren för " + unit.name()
                        + " har ingen e-postadress i registret; förfrågan kan inte skickas."));
                continue;
            }
            RoundDocument.Inquiry inquiry = new RoundDocument.Inquiry();
            inquiry.id = UUID.nameUUIDFromBytes(("inquiry\0" + roundId + "\0" + unitId).getBytes(StandardCharsets.UTF_8))
                    .toString();
            inquiry.unitId = unit.id();
            inquiry.unitName = unit.name();
            inquiry.providerId = provider.id();
            inquiry.providerName = provider.name();
            inquiry.email = email;
            inquiry.deadline = request.deadline();
            inquiry.status = "sent";
            round.inquiries.add(inquiry);
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "The round has errors; nothing was sent.",
                    problems);
        }
        return round;
    }

    /**
     * The client's identity never reaches a provider (docs/cases.md, "What a provider sees"): providers get the
     * age (an automatic answer from the case's facts) but not the name, the personal identity number or the exact
     * birth date. The facts hold none of them; this refuses inquiry content in which the caseworker typed them —
     * the client's name, or the birth date as {@code YYYY-MM-DD}, {@code YYYYMMDD} or {@code YYMMDD} (so any form
     * of the personal identity number, which starts with it) standing alone.
     */
    static List<Problem> identityIn(Map<String, Object> answers, PlacementCases.Client client) {
        List<Problem> found = new ArrayList<>();
        if (client == null || answers == null) {
            return found;
        }
        List<Pattern> patterns = new ArrayList<>();
        if (client.name() != null && client.name().strip().length() >= 3) {
            patterns.add(Pattern.compile("(?<![\\p{L}])" + Pattern.quote(client.name().strip()) + "(?![\\p{L}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        if (client.birthDate() != null) {
            LocalDate b = client.birthDate();
            String ymd = String.format(Locale.ROOT, "%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth());
            patterns.add(Pattern.compile("(?<!\\d)(?:" + b + "|" + ymd + "|" + ymd.substring(2)
                    + ")(?:[-+]?\\d{4})?(?!\\d)"));
            // A samordningsnummer: the day plus 60.
            String coord = String.format(Locale.ROOT, "%04d%02d%02d", b.getYear(), b.getMonthValue(),
                    b.getDayOfMonth() + 60);
            patterns.add(Pattern.compile("(?<!\\d)(?:" + coord + "|" + coord.substring(2)
                    + ")(?:[-+]?\\d{4})?(?!\\d)"));
        }
        answers.forEach((question, value) -> {
            String text = value instanceof String str ? str : value instanceof List<?> l ? String.valueOf(l) : null;
            if (text != null && patterns.stream().anyMatch(p -> p.matcher(text).find())) {
                found.add(new Problem("/content/" + question, "inquiry.client-identity", "Förfrågan får inte "
                        + "innehålla klientens namn, personnummer eller födelsedatum; utföraren ser ålder och behov."));
            }
        });
        return found;
    }

    /**
     * Takes the case's transition for a prepared round (unless a previous attempt already did) and opens the round
     * with its mails in one write. {@code revision} is the case's revision the caller read; a retry of an
     * interrupted send passes null and uses the case's current one.
     */
    private RoundDocument complete(RoundDocument round, CaseView c, Long revision) {
        boolean taken = c.history().stream().anyMatch(s -> props.sendVerb().equals(s.verb())
                && !s.at().isBefore(round.createdAt));
        if (!taken) {
            cases.act(c.id(), props.sendVerb(), new PlacementCases.Action(revision != null ? revision : c.revision(),
                    null, "Förfrågan till " + round.inquiries.size() + " verksamheter"));
        }
        return change(round.id, "inquiry.round.send", r -> {
            if (!RoundDocument.PREPARING.equals(r.status)) {
                return null;
            }
            r.status = RoundDocument.OPEN;
            r.sentAt = clock.instant();
            for (RoundDocument.Inquiry inquiry : r.inquiries) {
                mail(r, inquiry, InquiryMail.SENT);
            }
            return details("units", r.inquiries.size());
        });
    }

    // ---------------------------------------------------------------- read and change

    @Override
    public List<RoundView> rounds(String caseId) {
        CaseView c = cases.get(caseId);
        List<RoundView> rounds = mongo.find(Query.query(Criteria.where("caseId").is(c.id()).and("status")
                .ne(RoundDocument.PREPARING)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(200),
                RoundDocument.class).stream().map(this::view).toList();
        events.publishEvent(new Audited("inquiry.round.list", "case", c.id(), c.administration(), "success",
                details("count", rounds.size())));
        return rounds;
    }

    @Override
    public RoundView changeDeadline(String caseId, String inquiryId, DeadlineChange change) {
        RoundDocument round = roundOfCase(caseId, inquiryId, "inquiry.deadline");
        requireWrite();
        Instant deadline = change == null ? null : change.deadline();
        if (deadline == null || !deadline.isAfter(clock.instant())) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "The deadline has errors; nothing was changed.",
                    List.of(new Problem("/deadline", deadline == null ? "required" : "inquiry.deadline-past",
                            "Sista svarsdag måste ligga i framtiden.")));
        }
        return view(change(round.id, "inquiry.deadline", r -> {
            requireOpen(r);
            RoundDocument.Inquiry inquiry = r.inquiry(inquiryId);
            Map<String, Object> details = details("inquiryId", inquiryId);
            details.put("before", Map.of("deadline", inquiry.deadline.toString()));
            details.put("after", Map.of("deadline", deadline.toString()));
            inquiry.deadline = deadline;
            return details;
        }));
    }

    @Override
    public RoundView recordAnswer(String caseId, String inquiryId, Answer answer) {
        RoundDocument round = roundOfCase(caseId, inquiryId, "inquiry.answer");
        CurrentUser user = requireWrite();
        String via = answer == null ? null : blankToNull(answer.receivedVia());
        if (via == null || !RECEIVED_VIA.contains(via)) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "Say how the answer was received.",
                    List.of(new Problem("/receivedVia", via == null ? "required" : "inquiry.received-via",
                            "Ange hur svaret kom in: telefon, e-post eller brev.")));
        }
        return view(answerInto(round, inquiryId, answer, user.username(), via));
    }

    @Override
    public InquiryView answer(String inquiryId, Answer answer, String answeringProviderId) {
        RoundDocument round = roundOfProvider(inquiryId, answeringProviderId, "inquiry.answer");
        RoundDocument saved = answerInto(round, inquiryId, answer, "provider:" + answeringProviderId, "portal");
        return inquiryView(saved, saved.inquiry(inquiryId), false);
    }

    @Override
    public InquiryView forProvider(String inquiryId, String providerId) {
        RoundDocument round = roundOfProvider(inquiryId, providerId, "inquiry.read");
        events.publishEvent(new Audited("inquiry.read", "inquiry", inquiryId, round.administration, "success",
                details("providerId", providerId)));
        return inquiryView(round, round.inquiry(inquiryId), false);
    }

    @Override
    public List<InquiryView> sentTo(String providerId) {
        if (providerId == null) {
            throw PlaceraException.notFound(InquiryProblemCodes.NOT_FOUND, "There is no such provider.");
        }
        List<InquiryView> list = new ArrayList<>();
        for (RoundDocument r : mongo.find(Query.query(Criteria.where("inquiries.providerId").is(providerId)
                .and("status").ne(RoundDocument.PREPARING)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(500),
                RoundDocument.class)) {
            r.inquiries.stream().filter(i -> providerId.equals(i.providerId))
                    .forEach(i -> list.add(inquiryView(r, i, false)));
        }
        events.publishEvent(new Audited("inquiry.list", "provider", providerId, null, "success",
                details("count", list.size())));
        return list;
    }

    @Override
    public FormState responseForm(String inquiryId, String providerId, Map<String, Object> answers) {
        RoundDocument round = roundOfProvider(inquiryId, providerId, "inquiry.read");
        Subject subject = new Subject("inquiry", inquiryId, Map.of());
        FormState s = forms.preview(round.responseMethod.id, round.responseMethod.version, answers,
                new Subject("case", round.caseId, round.subject));
        return new FormState(null, s.method(), s.status(), subject, s.areas(), s.answers(), s.messages(),
                s.complete(), null, null, null, s.answerLabels());
    }

    @Override
    public InquiryScope providerScope(String inquiryId, String providerId, String action) {
        RoundDocument round = roundOfProvider(inquiryId, providerId, action);
        return new InquiryScope(round.administration, inquiryView(round, round.inquiry(inquiryId), false));
    }

    @Override
    public InquiryScope caseScope(String caseId, String inquiryId, String action) {
        RoundDocument round = roundOfCase(caseId, inquiryId, action);
        return new InquiryScope(round.administration, inquiryView(round, round.inquiry(inquiryId), true));
    }

    private RoundDocument answerInto(RoundDocument round, String inquiryId, Answer answer, String actor, String via) {
        requireOpen(round);
        if (round.inquiry(inquiryId).answer != null) {
            throw alreadyAnswered();
        }
        Map<String, Object> given = answer == null || answer.answers() == null ? Map.of() : answer.answers();
        Forms.Checked checked = forms.check(round.responseMethod.id, round.responseMethod.version, given,
                new Subject("case", round.caseId, round.subject));
        List<Problem> problems = new ArrayList<>(checked.problems());
        List<String> attachments = answer == null || answer.attachments() == null ? List.of() : answer.attachments();
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(new Problem("/attachments", "size", "At most " + MAX_ATTACHMENTS + " attachments."));
        }
        for (int i = 0; i < attachments.size() && i < MAX_ATTACHMENTS; i++) {
            if (attachments.get(i) == null || !ATTACHMENT_ID.matcher(attachments.get(i)).matches()) {
                problems.add(new Problem("/attachments/" + i, "inquiry.attachment-id", "Not an attachment id."));
            }
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "The answer has errors; nothing was stored.",
                    problems);
        }
        Map<String, Object> a = checked.answers();
        return change(round.id, "inquiry.answer", actor, r -> {
            requireOpen(r);
            RoundDocument.Inquiry inquiry = r.inquiry(inquiryId);
            if (inquiry.answer != null) {
                throw alreadyAnswered();
            }
            Instant now = clock.instant();
            RoundDocument.Answer kept = new RoundDocument.Answer();
            kept.answers = new LinkedHashMap<>(a);
            kept.answerLabels = new LinkedHashMap<>(checked.answerLabels());
            kept.attachments = List.copyOf(attachments);
            kept.available = "ja".equals(a.get("kanTaEmot"));
            kept.pricePerDay = a.get("dygnspris") instanceof Number n ? (int) Math.round(n.doubleValue()) : null;
            kept.startDate = date(a.get("startdatum"));
            kept.transport = a.get("transport") == null ? null : "ja".equals(a.get("transport"));
            kept.comment = a.get("kommentar") instanceof String s ? s : null;
            kept.late = now.isAfter(inquiry.deadline);
            kept.answeredAt = now;
            kept.recordedBy = actor;
            kept.receivedVia = via;
            inquiry.answer = kept;
            inquiry.status = "answered";
            Map<String, Object> details = details("inquiryId", inquiryId);
            details.put("unitId", inquiry.unitId);
            details.put("available", kept.available);
            details.put("late", kept.late);
            details.put("receivedVia", via);
            return details;
        });
    }

    @Override
    public RoundView decide(String caseId, Decision decision) {
        String inquiryId = decision == null ? null : blankToNull(decision.inquiryId());
        if (inquiryId == null) {
            cases.get(caseId);
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "Choose the answer to place with.",
                    List.of(new Problem("/inquiryId", "required", "Välj ett svar.")));
        }
        RoundDocument round = roundOfCase(caseId, inquiryId, "inquiry.decide");
        requireWrite();
        String reason = blankToNull(decision.reason());
        List<Problem> problems = new ArrayList<>();
        if (reason == null) {
            problems.add(new Problem("/reason", "required", "Motivera valet."));
        } else if (reason.length() > MAX_TEXT) {
            problems.add(new Problem("/reason", "size", "At most " + MAX_TEXT + " characters."));
        }
        if (decision.revision() == null) {
            problems.add(new Problem("/revision", "required", "The case's revision is required."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "The decision has errors; nothing was changed.",
                    problems);
        }
        requireOpen(round);
        RoundDocument.Inquiry chosen = round.inquiry(inquiryId);
        if (chosen.answer == null || !chosen.answer.available) {
            throw PlaceraException.conflict(InquiryProblemCodes.NOT_AVAILABLE, chosen.answer == null
                    ? "The unit has not answered; only an answer that offers a place can be chosen."
                    : "The unit answered that it cannot take the placement.");
        }
        CaseView c = cases.get(caseId);
        boolean placed = c.placement() != null && round.id.equals(c.placement().roundId())
                && inquiryId.equals(c.placement().inquiryId());
        if (!placed) {
            cases.recordPlacement(caseId, props.decideVerb(), new PlacementCases.Placement(decision.revision(),
                    chosen.unitId, chosen.unitName, chosen.providerId, chosen.providerName, chosen.answer.pricePerDay,
                    chosen.answer.startDate, round.id, inquiryId, reason));
        }
        String by = users.current().username();
        return view(change(round.id, "inquiry.decide", r -> {
            if (RoundDocument.CLOSED.equals(r.status)) {
                return null;
            }
            Instant now = clock.instant();
            RoundDocument.Inquiry picked = r.inquiry(inquiryId);
            r.decision = new RoundDocument.Decision();
            r.decision.inquiryId = inquiryId;
            r.decision.unitId = picked.unitId;
            r.decision.pricePerDay = picked.answer.pricePerDay;
            r.decision.startDate = picked.answer.startDate;
            r.decision.reason = reason;
            r.decision.decidedBy = by;
            r.decision.decidedAt = now;
            r.status = RoundDocument.CLOSED;
            for (RoundDocument.Inquiry inquiry : r.inquiries) {
                boolean isChosen = inquiry.id.equals(inquiryId);
                inquiry.status = isChosen ? "chosen" : "not-chosen";
                mail(r, inquiry, isChosen ? InquiryMail.CHOSEN : InquiryMail.PLACED_ELSEWHERE);
            }
            Map<String, Object> details = details("inquiryId", inquiryId);
            details.put("unitId", picked.unitId);
            details.put("pricePerDay", picked.answer.pricePerDay);
            return details;
        }));
    }

    // ---------------------------------------------------------------- reminders

    @Scheduled(fixedDelayString = "${placera.inquiries.reminder-interval:5m}",
            initialDelayString = "${placera.inquiries.reminder-interval:5m}")
    void scheduledReminders() {
        remindDue();
    }

    @Override
    public int remindDue() {
        Instant now = clock.instant();
        Instant horizon = now.plus(props.reminderBefore());
        int reminded = 0;
        List<RoundDocument> open = mongo.find(Query.query(Criteria.where("status").is(RoundDocument.OPEN))
                .with(Sort.by("_id")).limit(1000), RoundDocument.class);
        for (RoundDocument round : open) {
            if (round.inquiries.stream().noneMatch(i -> due(i, now, horizon))) {
                continue;
            }
            int[] count = {0};
            change(round.id, "inquiry.remind", "system", r -> {
                if (!RoundDocument.OPEN.equals(r.status)) {
                    return null;
                }
                List<String> remindedUnits = new ArrayList<>();
                for (RoundDocument.Inquiry inquiry : r.inquiries) {
                    if (due(inquiry, now, horizon)) {
                        inquiry.reminderSentAt = now;
                        mail(r, inquiry, InquiryMail.REMINDER);
                        remindedUnits.add(inquiry.unitId);
                    }
                }
                count[0] = remindedUnits.size();
                return remindedUnits.isEmpty() ? null : details("units", remindedUnits);
            });
            reminded += count[0];
        }
        return reminded;
    }

    /** Not answered, not reminded, and its deadline ahead but nearer than the horizon. */
    private static boolean due(RoundDocument.Inquiry i, Instant now, Instant horizon) {
        return i.answer == null && i.reminderSentAt == null && i.deadline.isAfter(now) && !i.deadline.isAfter(horizon);
    }

    // ---------------------------------------------------------------- rules

    private CurrentUser requireWrite() {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.PLACEMENT, AccessLevel.WRITE)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, InquiryProblemCodes.FORBIDDEN,
                    "You do not have the placement rights (PLACEMENT WRITE) this needs.");
        }
        return user;
    }

    /** The round of an inquiry of a case the user may see; 404 otherwise (the case's own check comes first). */
    private RoundDocument roundOfCase(String caseId, String inquiryId, String action) {
        CaseView c = cases.get(caseId);
        RoundDocument round = inquiryId == null || inquiryId.length() > 100 ? null
                : mongo.findOne(Query.query(Criteria.where("caseId").is(c.id()).and("inquiries.id").is(inquiryId)
                        .and("status").ne(RoundDocument.PREPARING)), RoundDocument.class);
        if (round == null) {
            events.publishEvent(Audited.denied(action, "inquiry", inquiryId, InquiryProblemCodes.NOT_FOUND));
            throw PlaceraException.notFound(InquiryProblemCodes.NOT_FOUND, "The case has no such inquiry.");
        }
        return round;
    }

    /** The round of an inquiry sent to this provider; another provider's inquiry does not exist (404). */
    private RoundDocument roundOfProvider(String inquiryId, String providerId, String action) {
        RoundDocument round = inquiryId == null || inquiryId.length() > 100 || providerId == null ? null
                : mongo.findOne(Query.query(Criteria.where("inquiries.id").is(inquiryId).and("status")
                        .ne(RoundDocument.PREPARING)), RoundDocument.class);
        if (round == null || !providerId.equals(round.inquiry(inquiryId).providerId)) {
            events.publishEvent(Audited.denied(action, "inquiry", inquiryId, InquiryProblemCodes.NOT_FOUND));
            throw PlaceraException.notFound(InquiryProblemCodes.NOT_FOUND, "There is no such inquiry.");
        }
        return round;
    }

    private static void requireOpen(RoundDocument r) {
        if (!RoundDocument.OPEN.equals(r.status)) {
            throw PlaceraException.conflict(InquiryProblemCodes.ROUND_CLOSED,
                    "The inquiry round is closed: a unit has been chosen, and no more answers are taken.");
        }
    }

    private static PlaceraException alreadyAnswered() {
        return PlaceraException.conflict(InquiryProblemCodes.ALREADY_ANSWERED, "The inquiry has already been answered.");
    }

    private String actor() {
        return users.find().map(CurrentUser::username).orElse("system");
    }

    private RoundDocument change(String roundId, String action, Function<RoundDocument, Map<String, Object>> edit) {
        return change(roundId, action, actor(), edit);
    }

    /**
     * One versioned write of a round: reads it, applies {@code edit} (which returns the audit details, or null when
     * there is nothing to do), adds the audit entry and the mails the edit queued, saves, delivers. A concurrent
     * change makes it read the round again and re-apply the edit (whose checks run again).
     */
    private RoundDocument change(String roundId, String action, String actor,
            Function<RoundDocument, Map<String, Object>> edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RoundDocument r = mongo.findById(roundId, RoundDocument.class);
            int mailsBefore = r.mails.size();
            Map<String, Object> details = edit.apply(r);
            if (details == null) {
                return r;
            }
            long revision = r.revision == null ? 0 : r.revision + 1;
            String entryId = PendingAudit.idOf(r.id, revision);
            r.mails.subList(mailsBefore, r.mails.size()).forEach(m -> m.entryId = entryId);
            details.put("roundId", r.id);
            List<PendingAudit> pending = new ArrayList<>(r.pending == null ? List.of() : r.pending);
            pending.add(new PendingAudit(entryId, clock.instant(), actor,
                    users.find().map(CurrentUser::administrationId).orElse(null),
                    new Audited(action, "case", r.caseId, r.administration, "success", details)));
            r.pending = pending;
            try {
                RoundDocument saved = mongo.save(r);
                outbox.deliver(roundOutbox, saved);
                return saved;
            } catch (OptimisticLockingFailureException e) {
                // changed meanwhile (an answer, a reminder): read it again
            }
        }
        throw PlaceraException.conflict(InquiryProblemCodes.CHANGED,
                "The inquiry round is being changed by others right now. Try again.");
    }

    /** Queues a mail on the round (delivered with the write's audit entry). */
    private void mail(RoundDocument r, RoundDocument.Inquiry inquiry, String event) {
        RoundDocument.Mail m = new RoundDocument.Mail();
        m.id = inquiry.id + ":" + event;
        m.event = event;
        m.to = inquiry.email;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("providerName", nz(inquiry.providerName));
        model.put("unitName", nz(inquiry.unitName));
        model.put("reference", inquiry.id.substring(0, 8).toUpperCase(Locale.ROOT));
        model.put("deadline", DEADLINE.format(inquiry.deadline));
        model.put("targetGroup", String.valueOf(r.contentLabels.getOrDefault("malgrupp", nz((String) r.subject.get("targetGroup")))));
        model.put("placementForm", String.valueOf(r.contentLabels.getOrDefault("placeringsform",
                nz((String) r.subject.get("placementForm")))));
        model.put("caseworkerName", nz(r.sentByName));
        model.put("caseworkerEmail", nz(r.sentByEmail));
        model.put("link", props.portalUrl().replaceAll("/+$", "") + "/portal/forfragningar/" + inquiry.id);
        if (r.decision != null) {
            model.put("startDate", r.decision.startDate == null ? "" : r.decision.startDate.toString());
        }
        m.model = model;
        if (r.mails.stream().noneMatch(x -> x.id.equals(m.id))) {
            r.mails.add(m);
        }
    }

    // ---------------------------------------------------------------- views

    private RoundView view(RoundDocument r) {
        return new RoundView(r.id, r.caseId, r.status, r.deadline, ref(r.inquiryMethod), ref(r.responseMethod),
                r.content, r.inquiries.stream().sorted(Comparator.comparing(i -> nz(i.unitName)))
                        .map(i -> inquiryView(r, i, true)).toList(),
                r.decision == null ? null : new DecisionView(r.decision.inquiryId, r.decision.unitId,
                        r.decision.pricePerDay, r.decision.startDate, r.decision.reason, r.decision.decidedBy,
                        r.decision.decidedAt),
                r.sentBy, r.sentAt, r.revision);
    }

    private InquiryView inquiryView(RoundDocument r, RoundDocument.Inquiry i, boolean caseworker) {
        RoundDocument.Answer a = i.answer;
        AnswerView answer = a == null ? null : new AnswerView(a.answers, a.answerLabels, a.attachments, a.available,
                a.pricePerDay, a.startDate, a.transport, a.comment, a.late, a.answeredAt,
                caseworker ? a.recordedBy : null, a.receivedVia);
        return new InquiryView(i.id, r.id, i.unitId, i.unitName, i.providerId, i.providerName, i.deadline,
                i.status, i.reminderSentAt, answer,
                ref(r.responseMethod), r.content, r.contentLabels, RoundDocument.OPEN.equals(r.status));
    }

    private static MethodVersion ref(RoundDocument.MethodRef m) {
        return m == null ? null : new MethodVersion(m.id, m.version, m.title);
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        try {
            return value == null ? null : LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, Object> details(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
