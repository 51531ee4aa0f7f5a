package se.placera.placements.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Metadata;
import se.placera.placements.CaseClocks;
import se.placera.placements.PlacementCases.Action;
import se.placera.placements.PlacementProblemCodes;
import se.placera.placements.ProcessDefinition;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;
import se.placera.shared.Versions;

/**
 * The cases' side of the statutory clocks ({@link CaseClocks}). A clock task lives in the case document like any
 * task of the process, so "Mina arbetsuppgifter" lists it through the case's work keys; every change is one
 * single-document write guarded by the case's revision and carries its audit entry.
 */
@Service
class CaseClockService implements CaseClocks {

    static final Set<String> DECISIONS = Set.of("fortsatt-vard", "upphor");
    static final int MAX_ATTEMPTS = 8;

    private final MongoTemplate mongo;
    private final CaseService cases;
    private final Outbox outbox;
    private final CaseOutbox caseOutbox;
    private final Metadata metadata;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String endVerb;
    private final String startVerb;

    CaseClockService(MongoTemplate mongo, CaseService cases, Outbox outbox, CaseOutbox caseOutbox, Metadata metadata,
            ApplicationEventPublisher events, Clock clock,
            @Value("${placera.cases.end-verb:avsluta}") String endVerb,
            @Value("${placera.cases.start-verb:paborja}") String startVerb) {
        this.mongo = mongo;
        this.cases = cases;
        this.outbox = outbox;
        this.caseOutbox = caseOutbox;
        this.metadata = metadata;
        this.events = events;
        this.clock = clock;
        this.endVerb = endVerb;
        this.startVerb = startVerb;
    }

    // ---------------------------------------------------------------- the scheduler's reads and writes

    @Override
    public List<ClockCase> placedCases() {
        // a case with a step taken may have been decided; view() tells
        Query query = Query.query(Criteria.where("history.0").exists(true));
        query.fields().exclude("holders", "pending", "workKeys", "client");
        List<ClockCase> list = new ArrayList<>();
        for (CaseDocument c : mongo.find(query, CaseDocument.class)) {
            ClockCase v = view(c);
            if (v.decided() != null) {
                list.add(v);
            }
        }
        return list;
    }

    @Override
    public Optional<ClockCase> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseDocument.class)).map(this::view);
    }

    @Override
    public ClockCase read(String caseId, String action) {
        CurrentUser user = cases.require(AccessLevel.READ);
        CaseDocument c = cases.load(caseId, user, action);
        events.publishEvent(Audited.success(action, "case", c.id, c.administration));
        return view(c);
    }

    @Override
    public boolean openTask(String caseId, ClockTask task) {
        return systemWrite(caseId, c -> c.tasks.stream().noneMatch(t -> task.id().equals(t.id)), c -> {
            CaseDocument.CaseTask t = new CaseDocument.CaseTask();
            t.id = task.id();
            t.taskId = task.schedule();
            t.title = task.title();
            t.assignee = task.assignee();
            t.assignedTo = switch (task.assignee()) {
                case "coordinator" -> c.coordinator != null ? c.coordinator : c.responsible;
                case "placement-officer" -> null;
                default -> c.responsible;
            };
            t.due = task.due();
            t.method = task.method();
            t.completion = task.completion();
            t.schedule = task.schedule();
            t.scheduleVersion = task.scheduleVersion();
            t.occurrence = task.occurrence();
            t.origin = "clock";
            // each occurrence needs its own submission: a response submitted before the task opened does not count
            t.status = "open";
            t.createdAt = clock.instant();
            c.tasks.add(t);
            return Map.of("action", "case.clock.open", "taskId", t.id, "schedule", task.schedule(),
                    "occurrence", task.occurrence(), "due", String.valueOf(task.due()));
        });
    }

    @Override
    public void markReminded(String caseId, String taskId) {
        systemWrite(caseId, c -> task(c, taskId).filter(t -> t.remindedAt == null).isPresent(), c -> {
            task(c, taskId).ifPresent(t -> t.remindedAt = clock.instant());
            return Map.of("action", "case.clock.remind", "taskId", taskId);
        });
    }

    @Override
    public boolean escalate(String caseId, String taskId) {
        return systemWrite(caseId, c -> task(c, taskId).filter(t -> t.escalatedAt == null && "open".equals(t.status))
                .isPresent(), c -> {
            CaseDocument.CaseTask overdue = task(c, taskId).orElseThrow();
            Instant now = clock.instant();
            overdue.escalatedAt = now;
            CaseDocument.CaseTask e = new CaseDocument.CaseTask();
            e.id = "escalation:" + overdue.schedule + ":" + overdue.occurrence;
            e.taskId = overdue.schedule;
            e.title = "Försenad: " + overdue.title;
            e.assignee = "placement-officer";
            e.assignedTo = null;
            e.due = SwedishTime.today(clock);
            e.schedule = overdue.schedule;
            e.scheduleVersion = overdue.scheduleVersion;
            e.occurrence = overdue.occurrence;
            e.origin = "escalation";
            e.completion = "manual";
            e.status = "open";
            e.createdAt = now;
            if (c.tasks.stream().noneMatch(t -> e.id.equals(t.id))) {
                c.tasks.add(e);
            }
            return Map.of("action", "case.clock.escalate", "taskId", taskId, "due", String.valueOf(overdue.due));
        });
    }

    @Override
    public void closeClockTasks(String caseId, List<String> schedules) {
        Predicate<CaseDocument.CaseTask> closable = t -> "open".equals(t.status) && t.schedule != null
                && schedules.contains(t.schedule);
        systemWrite(caseId, c -> c.tasks.stream().anyMatch(closable), c -> {
            Instant now = clock.instant();
            List<String> closed = new ArrayList<>();
            c.tasks.stream().filter(closable).forEach(t -> {
                t.status = "closed";
                t.closedAt = now;
                closed.add(t.id);
            });
            return Map.of("action", "case.clock.close", "tasks", closed);
        });
    }

    /**
     * One system write (no user): read, check {@code needed}, change, save guarded by the revision; a concurrent
     * change reads the case again. False when nothing was needed.
     */
    private boolean systemWrite(String caseId, Predicate<CaseDocument> needed,
            java.util.function.Function<CaseDocument, Map<String, Object>> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CaseDocument c = mongo.findById(caseId, CaseDocument.class);
            if (c == null || !needed.test(c)) {
                return false;
            }
            Map<String, Object> details = new LinkedHashMap<>(change.apply(c));
            String action = (String) details.remove("action");
            Instant now = clock.instant();
            c.updatedAt = now;
            long revision = c.revision == null ? 0 : c.revision + 1;
            List<PendingAudit> pending = new ArrayList<>(c.pending == null ? List.of() : c.pending);
            pending.add(new PendingAudit(PendingAudit.idOf(c.id, revision), now, SYSTEM_ACTOR, null,
                    new Audited(action, "case", c.id, c.administration, "success", details)));
            c.pending = pending;
            c.workKeys = WorkKeys.of(c, processOrNull(c));
            try {
                outbox.deliver(caseOutbox, mongo.save(c));
                return true;
            } catch (OptimisticLockingFailureException e) {
                // another instance or a user changed the case meanwhile: read it again
            }
        }
        throw PlaceraException.conflict(PlacementProblemCodes.CHANGED, "The case kept changing; try again.");
    }

    // ---------------------------------------------------------------- the user's writes

    @Override
    public ClockCase complete(String caseId, String taskId, Completion completion) {
        CurrentUser user = cases.require(AccessLevel.WRITE);
        CaseDocument c = cases.load(caseId, user, "case.clock.complete");
        CaseDocument.CaseTask t = task(c, taskId).filter(x -> x.origin != null).orElseThrow(() ->
                PlaceraException.notFound("CLOCK_TASK_NOT_FOUND", "The case has no clock task '" + bounded(taskId) + "'."));
        Versions.check(completion == null ? null : completion.revision(), c.revision, "/revision",
                PlacementProblemCodes.CHANGED);
        if (!"open".equals(t.status)) {
            throw PlaceraException.conflict("CLOCK_TASK_NOT_OPEN", "The task is " + t.status + " already.");
        }
        String decision = completion.decision() == null || completion.decision().isBlank() ? null
                : completion.decision().strip();
        String comment = completion.comment() == null || completion.comment().isBlank() ? null
                : completion.comment().strip();
        List<Problem> problems = new ArrayList<>();
        if ("reconsideration".equals(t.completion)) {
            if (decision == null) {
                problems.add(new Problem("/decision", "required", "Ange beslutet: fortsatt vård eller upphör."));
            } else if (!DECISIONS.contains(decision)) {
                problems.add(new Problem("/decision", "clock.decision", "The decision is fortsatt-vard or upphor."));
            }
        } else if ("method".equals(t.completion)) {
            throw PlaceraException.conflict("CLOCK_TASK_NEEDS_METHOD", "The task is done when the method '" + t.method
                    + "' is submitted on the case.").with("method", t.method);
        } else if (decision != null) {
            problems.add(new Problem("/decision", "clock.decision", "A manual task takes no decision."));
        }
        if (comment != null && comment.length() > CaseService.MAX_TEXT) {
            problems.add(new Problem("/comment", "size", "At most " + CaseService.MAX_TEXT + " characters."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The task has errors; nothing was changed.",
                    problems);
        }
        Instant now = clock.instant();
        t.status = "done";
        t.closedAt = now;
        t.decision = decision;
        t.comment = comment;
        t.doneBy = user.username();
        // the team lead's escalation of this occurrence is done with it
        c.tasks.stream().filter(x -> "escalation".equals(x.origin) && "open".equals(x.status)
                && t.schedule != null && t.schedule.equals(x.schedule) && t.occurrence != null
                && t.occurrence.equals(x.occurrence)).forEach(x -> {
                    x.status = "done";
                    x.closedAt = now;
                });
        c.updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", t.id);
        details.put("schedule", t.schedule);
        if (decision != null) {
            details.put("decision", decision);
        }
        return view(cases.write(c, "case.clock.complete", details, false));
    }

    @Override
    public ClockCase extend(String caseId, Extension extension) {
        CurrentUser user = cases.require(AccessLevel.WRITE);
        CaseDocument c = cases.load(caseId, user, "case.placement.extend");
        if (!CaseService.relations(user, c).contains(ProcessDefinition.Relation.RESPONSIBLE)
                && !CaseService.relations(user, c).contains(ProcessDefinition.Relation.PLACEMENT_OFFICER)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, PlacementProblemCodes.NOT_YOUR_ACTION,
                    "Only the responsible caseworker or a placement officer may extend the placement.");
        }
        Versions.check(extension == null ? null : extension.revision(), c.revision, "/revision",
                PlacementProblemCodes.CHANGED);
        if (decided(c) == null || closed(c)) {
            throw PlaceraException.conflict("CASE_NOT_PLACED", "The case has no ongoing placement to extend.");
        }
        if (c.placement == null) {
            // decided through the process alone (no inquiry answer chosen): the placement record starts here
            c.placement = new CaseDocument.Placement();
            c.placement.startDate = started(c);
        }
        List<Problem> problems = new ArrayList<>();
        LocalDate from = c.placement.plannedEnd != null ? c.placement.plannedEnd : c.placement.startDate;
        if (extension.newEnd() == null) {
            problems.add(new Problem("/newEnd", "required", "Ange det nya slutdatumet."));
        } else if (from != null && !extension.newEnd().isAfter(from)) {
            problems.add(new Problem("/newEnd", "placement.end-before", "The new end must be after " + from + "."));
        }
        if (extension.reason() == null || extension.reason().isBlank()) {
            problems.add(new Problem("/reason", "required", "Ange skälet till förlängningen."));
        } else if (extension.reason().length() > CaseService.MAX_TEXT) {
            problems.add(new Problem("/reason", "size", "At most " + CaseService.MAX_TEXT + " characters."));
        }
        if (extension.pricePerDay() != null && extension.pricePerDay() < 0) {
            problems.add(new Problem("/pricePerDay", "minimum", "The price per day cannot be negative."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The extension has errors; nothing was changed.",
                    problems);
        }
        CaseDocument.Extension e = new CaseDocument.Extension();
        e.previousEnd = c.placement.plannedEnd;
        e.newEnd = extension.newEnd();
        e.reason = extension.reason().strip();
        e.pricePerDay = extension.pricePerDay();
        e.by = user.username();
        e.at = clock.instant();
        c.placement.extensions.add(e);
        c.placement.plannedEnd = e.newEnd;
        if (e.pricePerDay != null) {
            c.placement.pricePerDay = e.pricePerDay;
        }
        c.updatedAt = e.at;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousEnd", String.valueOf(e.previousEnd));
        details.put("newEnd", e.newEnd.toString());
        if (e.pricePerDay != null) {
            details.put("pricePerDay", e.pricePerDay);
        }
        return view(cases.write(c, "case.placement.extend", details, false));
    }

    @Override
    public ClockCase end(String caseId, Ending ending) {
        CurrentUser user = cases.require(AccessLevel.WRITE);
        CaseDocument before = cases.load(caseId, user, "case.placement.end");
        LocalDate today = SwedishTime.today(clock);
        List<Problem> problems = new ArrayList<>();
        LocalDate endDate = ending == null ? null : ending.endDate();
        if (endDate == null) {
            problems.add(new Problem("/endDate", "required", "Ange slutdatumet."));
        } else if (started(before) != null && endDate.isBefore(started(before))) {
            problems.add(new Problem("/endDate", "placement.end-before", "The end cannot be before the start "
                    + started(before) + "."));
        } else if (endDate.isAfter(today)) {
            problems.add(new Problem("/endDate", "placement.end-in-future", "A placement is ended on or after the day it ends."));
        }
        if (decided(before) == null) {
            throw PlaceraException.conflict("CASE_NOT_PLACED", "The case has no placement to end.");
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The ending has errors; nothing was changed.",
                    problems);
        }
        Boolean planned = plannedAttribute(ending.reason());
        cases.take(caseId, endVerb, new Action(ending.revision(), ending.reason(), ending.comment()), null,
                (c, details) -> {
                    if (c.placement == null) {
                        c.placement = new CaseDocument.Placement();
                        c.placement.startDate = started(c);
                    }
                    c.placement.endDate = endDate;
                    c.placement.endPlanned = planned;
                    details.put("endDate", endDate.toString());
                    details.put("planned", planned);
                });
        ClockCase after = find(caseId).orElseThrow();
        events.publishEvent(new PlacementEnded(caseId, endDate, !Boolean.FALSE.equals(planned)));
        return after;
    }

    /** The {@code planned} attribute of an end reason (avslutsorsaker); null when the codelist does not say. */
    private Boolean plannedAttribute(String reason) {
        if (reason == null) {
            return null;
        }
        return metadata.latestPublished("codelist", "avslutsorsaker").map(d -> {
            for (JsonNode item : d.content().path("items")) {
                if (reason.equals(item.path("value").asString())) {
                    JsonNode p = item.path("attributes").path("planned");
                    return p.isBoolean() ? p.asBoolean() : null;
                }
            }
            return (Boolean) null;
        }).orElse(null);
    }

    // ---------------------------------------------------------------- views

    private boolean closed(CaseDocument c) {
        ProcessDefinition p = processOrNull(c);
        return p != null && p.state(c.state).map(ProcessDefinition.State::isFinal).orElse(false);
    }

    /** Published process versions never change: kept here so a run over every case reads each version once. */
    private final Map<String, ProcessDefinition> processes = new java.util.concurrent.ConcurrentHashMap<>();

    private ProcessDefinition processOrNull(CaseDocument c) {
        String key = c.processId + ":" + c.processVersion;
        ProcessDefinition p = processes.get(key);
        if (p != null) {
            return p;
        }
        try {
            p = cases.process(c);
            processes.put(key, p);
            return p;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<CaseDocument.CaseTask> task(CaseDocument c, String taskId) {
        return c.tasks.stream().filter(t -> t.id.equals(taskId)).findFirst();
    }

    /**
     * The day the placement was decided: the recorded placement's decision, else the first decision of the process
     * taken on the case (a transition marked {@code decision}, not into a final state).
     */
    LocalDate decided(CaseDocument c) {
        if (c.placement != null && c.placement.decidedAt != null) {
            return SwedishTime.dateOf(c.placement.decidedAt);
        }
        ProcessDefinition p = processOrNull(c);
        if (p == null) {
            return null;
        }
        for (CaseDocument.Step s : c.history) {
            boolean decision = p.transition(s.verb).map(ProcessDefinition.Transition::decision).orElse(false);
            boolean closes = p.state(s.to).map(ProcessDefinition.State::isFinal).orElse(false);
            if (decision && !closes && s.at != null) {
                return SwedishTime.dateOf(s.at);
            }
        }
        return null;
    }

    /**
     * The day the placement started: the recorded start date; else, once decided, the start date agreed on the case
     * (its {@code startDate} fact, the wanted start); else the day the process's start transition
     * ({@code placera.cases.start-verb}, {@code paborja}) was taken.
     */
    LocalDate started(CaseDocument c) {
        if (c.placement != null && c.placement.startDate != null) {
            return c.placement.startDate;
        }
        Object wanted = c.facts.get("startDate");
        if (wanted instanceof String w && decided(c) != null) {
            try {
                return LocalDate.parse(w);
            } catch (RuntimeException e) {
                // not a date: the start step below
            }
        }
        for (CaseDocument.Step s : c.history) {
            if (startVerb.equals(s.verb) && s.at != null) {
                return SwedishTime.dateOf(s.at);
            }
        }
        return null;
    }

    ClockCase view(CaseDocument c) {
        CaseDocument.Placement p = c.placement;
        LocalDate ended = p == null ? null : p.endDate;
        boolean closed = closed(c);
        if (closed && ended == null) {
            // ended by the process's transition without an end date: the day it was taken
            ended = c.history.isEmpty() ? SwedishTime.dateOf(c.updatedAt)
                    : SwedishTime.dateOf(c.history.get(c.history.size() - 1).at);
        }
        LocalDate decided = decided(c);
        LocalDate started = started(c);
        if (decided == null) {
            ended = null;
        }
        Map<String, Object> facts = new LinkedHashMap<>(c.facts);
        if (started != null) {
            facts.put("placementStart", started.toString());
            facts.put("placementStarted", !started.isAfter(SwedishTime.today(clock)));
        }
        return new ClockCase(c.id, c.administration, c.responsible, c.coordinator, facts,
                c.createdAt == null ? null : SwedishTime.dateOf(c.createdAt), decided, started,
                p == null ? null : p.plannedEnd, ended, p == null ? null : p.endPlanned, c.endReason, closed,
                c.tasks.stream().filter(t -> t.origin != null).map(t -> new ClockTaskState(t.id, t.origin, t.schedule,
                        t.scheduleVersion, t.occurrence, t.title, t.due, t.status, t.completion, t.method, t.decision,
                        t.remindedAt, t.escalatedAt, t.closedAt, t.assignedTo)).toList(),
                c.revision);
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
