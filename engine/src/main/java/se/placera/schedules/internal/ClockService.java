package se.placera.schedules.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleContext;
import se.placera.forms.rules.RuleResultType;
import se.placera.placements.CaseClocks;
import se.placera.placements.CaseClocks.ClockCase;
import se.placera.placements.CaseClocks.ClockTaskState;
import se.placera.schedules.ClockMail;
import se.placera.schedules.Clocks;
import se.placera.schedules.Occurrences;
import se.placera.schedules.Occurrences.Occurrence;
import se.placera.schedules.Schedule;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.security.UserDirectory;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;

/**
 * Turns the clocks of every placed case into tasks, reminders and escalations, and answers the timeline of a case.
 * Each step is idempotent on its own — a task is opened once per case, clock and occurrence (its id), a reminder
 * and an escalation are marked on the task and their mails queued under stable ids — so a run that is repeated,
 * interrupted or (without the lock) run by two instances at once does nothing twice.
 */
@Service
class ClockService implements Clocks {

    /** At most this many occurrences of one clock are opened in one run (a case raised long after its start). */
    static final int MAX_PER_RUN = 24;

    private final CaseClocks cases;
    private final ScheduleRegistry schedules;
    private final ScheduleCompiler compiler;
    private final RuleCompiler rules;
    private final MongoTemplate mongo;
    private final UserDirectory directory;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final SchedulesProperties props;
    private final Clock clock;
    private final Map<String, CompiledRule> conditions = new ConcurrentHashMap<>();

    ClockService(CaseClocks cases, ScheduleRegistry schedules, ScheduleCompiler compiler, RuleCompiler rules,
            MongoTemplate mongo, UserDirectory directory, CurrentUsers users, ApplicationEventPublisher events,
            SchedulesProperties props, Clock clock) {
        this.cases = cases;
        this.schedules = schedules;
        this.compiler = compiler;
        this.rules = rules;
        this.mongo = mongo;
        this.directory = directory;
        this.users = users;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the run

    @Override
    public RunReport runOnce() {
        LocalDate today = SwedishTime.today(clock);
        List<Schedule> inForce = null;
        Map<String, CasePins> pins = new HashMap<>();
        for (CasePins p : mongo.findAll(CasePins.class)) {
            pins.put(p.caseId, p);
        }
        int[] counts = new int[4];
        List<ClockCase> all = cases.placedCases();
        for (ClockCase c : all) {
            CasePins p = pins.get(c.id());
            if (p == null) {
                if (inForce == null) {
                    inForce = schedules.inForce();
                }
                p = pin(c.id(), inForce);
            }
            runCase(c, pinned(p), today, counts);
        }
        return new RunReport(all.size(), counts[0], counts[1], counts[2], counts[3]);
    }

    /** The final evaluation opens and the other clocks close as soon as a placement ends (PA-10). */
    @EventListener
    void on(CaseClocks.PlacementEnded ended) {
        cases.find(ended.caseId()).ifPresent(c -> runCase(c, pinned(pinsOf(c.id())), SwedishTime.today(clock),
                new int[4]));
    }

    void runCase(ClockCase c, List<Schedule> pinned, LocalDate today, int[] counts) {
        Map<String, ClockTaskState> tasks = c.tasks().stream().collect(Collectors.toMap(ClockTaskState::id, t -> t,
                (a, b) -> a));
        List<String> toClose = new ArrayList<>();
        for (Planned planned : plan(c, pinned, today)) {
            Schedule s = planned.schedule();
            if (planned.closes()) {
                if (c.tasks().stream().anyMatch(t -> s.id().equals(t.schedule()) && "open".equals(t.status()))) {
                    toClose.add(s.id());
                }
                continue;
            }
            Occurrence o = planned.occurrence();
            String taskId = taskId(s.id(), o.index());
            ClockTaskState t = tasks.get(taskId);
            if (t == null) {
                if (cases.openTask(c.id(), new CaseClocks.ClockTask(taskId, s.id(), s.version(), o.index(),
                        s.taskTitle(), s.assignee(), o.due(), s.method(), s.completion()))) {
                    counts[0]++;
                }
                t = new ClockTaskState(taskId, "clock", s.id(), s.version(), o.index(), s.taskTitle(), o.due(),
                        "open", s.completion(), s.method(), null, null, null, null, null);
            }
            if (!"open".equals(t.status())) {
                continue;
            }
            if (t.remindedAt() == null) {
                remind(c, s, o, taskId);
                cases.markReminded(c.id(), taskId);
                counts[1]++;
            }
            if (o.due().isBefore(today) && t.escalatedAt() == null) {
                if (cases.escalate(c.id(), taskId)) {
                    escalationMail(c, s, o, taskId);
                    counts[2]++;
                }
            }
        }
        if (!toClose.isEmpty()) {
            cases.closeClockTasks(c.id(), toClose);
            counts[3] += toClose.size();
        }
    }

    /** What the clocks of a case ask for today: occurrences whose task should be open, and clocks to close. */
    record Planned(Schedule schedule, Occurrence occurrence, boolean closes) {
    }

    /**
     * The pure part of a run: for each pinned clock whose condition holds, the occurrences whose opening day has
     * come (at most {@link #MAX_PER_RUN}); once the placement has ended, only the clocks counting from its end run,
     * and the others close.
     */
    List<Planned> plan(ClockCase c, List<Schedule> pinned, LocalDate today) {
        List<Planned> list = new ArrayList<>();
        for (Schedule s : pinned) {
            if (!applies(s, c.facts())) {
                continue;
            }
            boolean fromEnd = s.anchor() == Schedule.Anchor.PLACEMENT_END;
            if (c.closed() && !fromEnd) {
                list.add(new Planned(s, null, true));
                continue;
            }
            LocalDate anchor = anchor(s.anchor(), c);
            if (anchor == null) {
                continue;
            }
            for (Occurrence o : Occurrences.upTo(anchor, s, today, true, MAX_PER_RUN)) {
                list.add(new Planned(s, o, false));
            }
        }
        return list;
    }

    static LocalDate anchor(Schedule.Anchor anchor, ClockCase c) {
        return switch (anchor) {
            case PLACEMENT_START -> c.started();
            case DECISION -> c.decided();
            case PLACEMENT_END -> c.ended();
            case CASE_CREATED -> c.created();
        };
    }

    boolean applies(Schedule s, Map<String, Object> facts) {
        if (s.condition() == null) {
            return true;
        }
        CompiledRule rule = conditions.computeIfAbsent(s.condition(), e -> rules.compile(e, RuleResultType.BOOL));
        return rule.evaluate(new RuleContext(Map.of(), Map.of(), facts, null)).isTrue();
    }

    static String taskId(String schedule, int occurrence) {
        return "clock:" + schedule + ":" + occurrence;
    }

    // ---------------------------------------------------------------- pins

    CasePins pinsOf(String caseId) {
        CasePins p = mongo.findById(caseId, CasePins.class);
        return p != null ? p : pin(caseId, schedules.inForce());
    }

    private CasePins pin(String caseId, List<Schedule> inForce) {
        CasePins p = new CasePins();
        p.caseId = caseId;
        inForce.forEach(s -> p.pins.put(s.id(), s.version()));
        p.pinnedAt = clock.instant();
        try {
            return mongo.insert(p);
        } catch (DuplicateKeyException e) {
            // pinned by another instance at the same time: theirs stands
            return mongo.findById(caseId, CasePins.class);
        }
    }

    private List<Schedule> pinned(CasePins p) {
        List<Schedule> list = new ArrayList<>();
        p.pins.forEach((id, version) -> {
            Schedule s = schedules.version(id, version);
            if (s != null) {
                list.add(s);
            }
        });
        return list;
    }

    // ---------------------------------------------------------------- mail

    private void remind(ClockCase c, Schedule s, Occurrence o, String taskId) {
        String holder = "coordinator".equals(s.assignee()) && c.coordinator() != null ? c.coordinator() : c.responsible();
        if ("placement-officer".equals(s.assignee())) {
            String lead = props.teamLeads().get(c.administration());
            if (lead != null) {
                mail(c, s, o, taskId, ClockMail.REMINDER, lead);
            }
            return;
        }
        directory.byUsername(holder).map(a -> a.user().email()).filter(e -> e != null && !e.isBlank())
                .ifPresent(email -> mail(c, s, o, taskId, ClockMail.REMINDER, email));
    }

    private void escalationMail(ClockCase c, Schedule s, Occurrence o, String taskId) {
        String lead = props.teamLeads().get(c.administration());
        if (lead != null) {
            mail(c, s, o, taskId, ClockMail.ESCALATION, lead);
        }
    }

    private void mail(ClockCase c, Schedule s, Occurrence o, String taskId, String event, String to) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", s.taskTitle());
        model.put("clock", s.title());
        model.put("source", s.source() == null ? "" : s.source());
        model.put("due", o.due().toString());
        model.put("link", props.baseUrl() + "/app/arenden/" + c.id());
        model.put("responsible", c.responsible());
        events.publishEvent(new ClockMail("clock:" + c.id() + ":" + taskId + ":" + event, event, to,
                c.administration(), model));
    }

    // ---------------------------------------------------------------- timeline and preview

    @Override
    public ClockTimeline timeline(String caseId) {
        ClockCase c = cases.read(caseId, "case.clocks.read");
        LocalDate today = SwedishTime.today(clock);
        CasePins p = c.started() == null && c.decided() == null ? null : pinsOf(c.id());
        List<Schedule> pinned = p == null ? List.of() : pinned(p);
        return new ClockTimeline(c.id(), today, p == null ? Map.of() : Map.copyOf(p.pins), deadlines(c, pinned, today));
    }

    List<ClockDeadline> deadlines(ClockCase c, List<Schedule> pinned, LocalDate today) {
        Map<String, ClockTaskState> tasks = c.tasks().stream().filter(t -> "clock".equals(t.origin()))
                .collect(Collectors.toMap(ClockTaskState::id, t -> t, (a, b) -> a));
        List<ClockDeadline> list = new ArrayList<>();
        Set<String> shown = new java.util.HashSet<>();
        for (Schedule s : pinned) {
            if (!applies(s, c.facts())) {
                continue;
            }
            LocalDate anchor = anchor(s.anchor(), c);
            if (anchor != null && !(c.closed() && s.anchor() != Schedule.Anchor.PLACEMENT_END)) {
                // the coming ones: up to a year ahead, at least the next one
                LocalDate horizon = today.plusYears(1);
                for (Occurrence o : Occurrences.upTo(anchor, s, horizon, false, MAX_PER_RUN)) {
                    list.add(deadline(s, o, tasks.get(taskId(s.id(), o.index())), today));
                    shown.add(taskId(s.id(), o.index()));
                }
                if (list.stream().noneMatch(d -> d.schedule().equals(s.id()) && !d.due().isBefore(today))) {
                    Occurrences.next(anchor, s, today, 1).forEach(o -> {
                        list.add(deadline(s, o, tasks.get(taskId(s.id(), o.index())), today));
                        shown.add(taskId(s.id(), o.index()));
                    });
                }
            }
        }
        // tasks of clocks no longer running (the placement ended, a closed occurrence)
        for (ClockTaskState t : tasks.values()) {
            if (!shown.contains(t.id()) && t.schedule() != null) {
                Schedule s = t.scheduleVersion() == null ? null : schedules.version(t.schedule(), t.scheduleVersion());
                list.add(new ClockDeadline(t.schedule(), t.scheduleVersion() == null ? 0 : t.scheduleVersion(),
                        s == null ? t.schedule() : s.title(), s == null ? null : s.source(),
                        t.occurrence() == null ? 0 : t.occurrence(), t.due(), null, status(t, t.due(), today), t.id(),
                        t.title(), t.completion(), t.method(), t.decision()));
            }
        }
        list.sort(Comparator.comparing(ClockDeadline::due).thenComparing(ClockDeadline::schedule));
        return list;
    }

    private static ClockDeadline deadline(Schedule s, Occurrence o, ClockTaskState t, LocalDate today) {
        return new ClockDeadline(s.id(), s.version(), s.title(), s.source(), o.index(), o.due(), o.opens(),
                t == null ? (o.opens().isAfter(today) ? "upcoming" : o.due().isBefore(today) ? "overdue" : "open")
                        : status(t, o.due(), today),
                t == null ? null : t.id(), s.taskTitle(), s.completion(), s.method(), t == null ? null : t.decision());
    }

    private static String status(ClockTaskState t, LocalDate due, LocalDate today) {
        if ("open".equals(t.status())) {
            return due != null && due.isBefore(today) ? "overdue" : "open";
        }
        return t.status();
    }

    @Override
    public List<ClockDeadline> preview(LocalDate startDate, LocalDate decisionDate, Map<String, Object> facts,
            JsonNode content, int count) {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.ADMIN_CONSOLE, AccessLevel.READ) && !user.can(PlaceraModule.PLACEMENT, AccessLevel.READ)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "SCHEDULE_FORBIDDEN",
                    "The preview needs the administration console or placement rights.");
        }
        List<Problem> problems = new ArrayList<>();
        if (startDate == null) {
            problems.add(new Problem("/startDate", "required", "Ange placeringens startdatum."));
        }
        if (count < 1 || count > 50) {
            problems.add(new Problem("/count", "maximum", "Between 1 and 50 deadlines."));
        }
        List<Schedule> list;
        if (content != null && !content.isNull()) {
            ScheduleCompiler.Result r = compiler.compile(content, 0, id -> true);
            r.problems().forEach(pr -> problems.add(new Problem("/content" + pr.pointer(), pr.code(), pr.detail())));
            list = r.schedule() == null ? List.of() : List.of(r.schedule());
        } else {
            list = schedules.inForce();
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid("SCHEDULE_INVALID", "The preview has errors.", problems);
        }
        Map<String, Object> subject = new LinkedHashMap<>(facts == null ? Map.of() : facts);
        subject.put("placementStart", startDate.toString());
        subject.put("placementStarted", true);
        ClockCase c = new ClockCase("preview", null, null, null, subject, startDate,
                decisionDate != null ? decisionDate : startDate, startDate, null, null, null, null, false, List.of(), 0L);
        List<ClockDeadline> all = new ArrayList<>();
        for (Schedule s : list) {
            if (!applies(s, subject)) {
                continue;
            }
            LocalDate anchor = anchor(s.anchor(), c);
            if (anchor != null) {
                Occurrences.next(anchor, s, startDate, count).forEach(o -> all.add(new ClockDeadline(s.id(), s.version(),
                        s.title(), s.source(), o.index(), o.due(), o.opens(), "upcoming", null, s.taskTitle(),
                        s.completion(), s.method(), null)));
            }
        }
        all.sort(Comparator.comparing(ClockDeadline::due).thenComparing(ClockDeadline::schedule));
        return all.size() > count ? List.copyOf(all.subList(0, count)) : all;
    }
}
