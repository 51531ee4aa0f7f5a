package se.placera.placements.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import se.placera.placements.ProcessDefinition;
import se.placera.placements.ProcessDefinition.Transition;
import se.placera.placements.Worklists;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;
import se.placera.shared.SwedishTime;

/**
 * "Mina arbetsuppgifter" and "Mina beslut" (US-5): the user's lists of cases with work ({@link CaseWorklists}, read
 * by primary key), then only those cases by primary key, each with the fields the view needs; the cases' own
 * {@link WorkKeys} decide what is shown. Every case found is checked again (administration in scope, user
 * involved) before it is shown.
 */
@Service
@Order(1)
class CaseWork implements Worklists, ApplicationRunner {

    /** What the task list reads of a case: its relations to the user, the client's masked identity, the tasks. */
    static final String[] TASK_FIELDS = {"_id", "administration", "responsible", "coordinator", "processId",
        "processVersion", "state", "client.masked", "client.name", "tasks", "workKeys"};
    /** Cases read by primary key at a time. */
    static final int SLICE = 500;

    /** Tasks due within this many days are "due soon". */
    static final int DUE_SOON_DAYS = 3;

    private final MongoTemplate mongo;
    private final CaseService cases;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CaseWorklists worklists;

    CaseWork(MongoTemplate mongo, CaseService cases, AccessScope scope, ApplicationEventPublisher events, Clock clock,
            CaseWorklists worklists) {
        this.worklists = worklists;
        this.mongo = mongo;
        this.cases = cases;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /** The unique index, and the keys of cases written before it existed. */
    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(CaseDocument.class).createIndex(new Index("workKeys", Sort.Direction.ASC).unique());
        Query without = Query.query(Criteria.where("workKeys").exists(false));
        for (CaseDocument c : mongo.find(without, CaseDocument.class)) {
            ProcessDefinition process = null;
            try {
                process = cases.process(c);
            } catch (RuntimeException e) {
                // a process version that cannot be read: the tasks still get their keys
            }
            c.workKeys = WorkKeys.of(c, process);
            worklists.linkAll(List.of(c));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(c.id)), new Update().set("workKeys", c.workKeys),
                    CaseDocument.class);
        }
        worklists.backfill();
    }

    @Override
    public List<MyTask> tasks() {
        CurrentUser user = cases.require(AccessLevel.READ);
        LocalDate today = SwedishTime.today(clock);
        List<MyTask> tasks = new ArrayList<>();
        for (Found f : find(user, WorkKeys.TASK, TASK_FIELDS)) {
            CaseDocument c = f.document();
            ProcessDefinition process = processOrNull(c);
            for (CaseDocument.CaseTask t : c.tasks) {
                if (f.items().contains(t.id) && "open".equals(t.status)) {
                    tasks.add(new MyTask(c.id, c.client.masked, c.client.name, c.state, stateTitle(process, c.state),
                            t.taskId, t.title, t.assignee, t.due, t.due != null && t.due.isBefore(today),
                            t.due != null && !t.due.isAfter(today.plusDays(DUE_SOON_DAYS)), t.method));
                }
            }
        }
        tasks.sort(Comparator.comparing(MyTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MyTask::caseId).thenComparing(MyTask::taskId));
        events.publishEvent(new Audited("case.tasks.list", "case", null, scope.homeAdministration(), "success",
                Map.of("count", tasks.size())));
        return tasks;
    }

    @Override
    public Decisions decisions() {
        CurrentUser user = cases.require(AccessLevel.READ);
        List<CaseDecision> pending = new ArrayList<>();
        for (Found f : find(user, WorkKeys.PENDING)) {
            CaseDocument c = f.document();
            ProcessDefinition process = processOrNull(c);
            if (process == null) {
                continue;
            }
            for (Transition t : process.transitionsFrom(c.state)) {
                if (f.items().contains(t.verb())) {
                    pending.add(new CaseDecision(c.id, c.client.masked, c.client.name, c.state,
                            stateTitle(process, c.state), t.verb(), t.title(), t.to(), stateTitle(process, t.to()),
                            cases.refusal(t, c, user), null, null, null));
                }
            }
        }
        List<CaseDecision> made = new ArrayList<>();
        for (Found f : find(user, WorkKeys.MADE)) {
            CaseDocument c = f.document();
            ProcessDefinition process = processOrNull(c);
            for (int i = 0; i < c.history.size(); i++) {
                CaseDocument.Step s = c.history.get(i);
                if (f.items().contains(String.valueOf(i))) {
                    String title = process == null ? s.verb
                            : process.transition(s.verb).map(Transition::title).orElse(s.verb);
                    made.add(new CaseDecision(c.id, c.client.masked, c.client.name, c.state,
                            stateTitle(process, c.state), s.verb, title, s.to, stateTitle(process, s.to), null, s.at,
                            s.reason, s.comment));
                }
            }
        }
        pending.sort(Comparator.comparing(CaseDecision::caseId).thenComparing(CaseDecision::verb));
        made.sort(Comparator.comparing(CaseDecision::at).reversed());
        events.publishEvent(new Audited("case.decisions.list", "case", null, scope.homeAdministration(), "success",
                Map.of("pending", pending.size(), "made", made.size())));
        return new Decisions(pending, made);
    }

    /** A case with work of one kind for the user, and the items of its keys (task ids, verbs, step numbers). */
    record Found(CaseDocument document, Set<String> items) {
    }

    /**
     * The cases with keys of {@code kind} held by the user; each checked for scope and involvement. The user's
     * lists ({@link CaseWorklists}) name the candidates; they are read by primary key ({@code fields}: only what
     * the view needs, or everything when null) and their own work keys decide.
     */
    List<Found> find(CurrentUser user, String kind, String... fields) {
        Set<String> holders = new LinkedHashSet<>();
        holders.add(user.username());
        if (user.can(PlaceraModule.PLACEMENT, AccessLevel.ADMIN)) {
            scope.visibleAdministrations().forEach(a -> holders.add(WorkKeys.OFFICERS + a));
        }
        Pattern pattern = Pattern.compile(WorkKeys.pattern(holders, kind));
        Map<String, Set<String>> lists = worklists.candidates(holders, kind);
        Set<String> ids = new LinkedHashSet<>();
        lists.values().forEach(ids::addAll);
        List<Found> found = new ArrayList<>();
        Map<String, CaseDocument> read = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += SLICE) {
            Query q = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + SLICE))));
            if (fields.length > 0) {
                q.fields().include(fields);
            }
            mongo.find(q, CaseDocument.class).forEach(c -> read.put(c.id, c));
        }
        for (String id : all) {
            CaseDocument c = read.get(id);
            if (c == null || c.workKeys == null || !scope.canSee(c.administration)
                    || CaseService.relations(user, c).isEmpty()) {
                continue;
            }
            Set<String> items = new LinkedHashSet<>();
            for (String key : c.workKeys) {
                if (pattern.matcher(key).find()) {
                    items.add(key.substring(key.lastIndexOf('|') + 1));
                }
            }
            if (!items.isEmpty()) {
                found.add(new Found(c, items));
            }
        }
        pruneEnded(lists, read, kind);
        return found;
    }

    /** Ended cases on the lists of tasks and pending decisions leave them ({@link CaseWorklists#ended}). */
    private void pruneEnded(Map<String, Set<String>> lists, Map<String, CaseDocument> read, String kind) {
        if (WorkKeys.MADE.equals(kind)) {
            return;
        }
        lists.forEach((list, ids) -> {
            List<String> ended = new ArrayList<>();
            for (String id : ids) {
                CaseDocument c = read.get(id);
                if (c != null && c.tasks != null && c.workKeys != null
                        && c.workKeys.stream().noneMatch(k -> list.equals(CaseWorklists.listOf(k)))
                        && CaseWorklists.ended(c, processOrNull(c))) {
                    ended.add(id);
                }
            }
            worklists.prune(list, ended);
        });
    }

    private ProcessDefinition processOrNull(CaseDocument c) {
        try {
            return cases.process(c);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String stateTitle(ProcessDefinition process, String state) {
        return process == null ? state : process.state(state).map(ProcessDefinition.State::title).orElse(state);
    }
}
