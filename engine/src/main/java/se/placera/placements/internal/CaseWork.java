package se.placera.placements.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
 * "Mina arbetsuppgifter" and "Mina beslut" (US-5), read through the unique index on the cases' {@link WorkKeys}:
 * one index look-up finds the user's cases with work, and only those documents are read. Every case found is
 * checked again (administration in scope, user involved) before it is shown.
 */
@Service
@Order(1)
class CaseWork implements Worklists, ApplicationRunner {

    /** Tasks due within this many days are "due soon". */
    static final int DUE_SOON_DAYS = 3;

    private final MongoTemplate mongo;
    private final CaseService cases;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseWork(MongoTemplate mongo, CaseService cases, AccessScope scope, ApplicationEventPublisher events, Clock clock) {
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
            mongo.updateFirst(Query.query(Criteria.where("_id").is(c.id)),
                    new Update().set("workKeys", WorkKeys.of(c, process)), CaseDocument.class);
        }
    }

    @Override
    public List<MyTask> tasks() {
        CurrentUser user = cases.require(AccessLevel.READ);
        LocalDate today = SwedishTime.today(clock);
        List<MyTask> tasks = new ArrayList<>();
        for (Found f : find(user, WorkKeys.TASK)) {
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

    /** The cases with keys of {@code kind} held by the user; each checked for scope and involvement. */
    List<Found> find(CurrentUser user, String kind) {
        Set<String> holders = new LinkedHashSet<>();
        holders.add(user.username());
        if (user.can(PlaceraModule.PLACEMENT, AccessLevel.ADMIN)) {
            scope.visibleAdministrations().forEach(a -> holders.add(WorkKeys.OFFICERS + a));
        }
        String regex = WorkKeys.pattern(holders, kind);
        Pattern pattern = Pattern.compile(regex);
        List<Found> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Only the indexed field in the query: the embedded database then answers from the index, once per matching
        // key, so a case with two matching keys comes back twice.
        for (CaseDocument c : mongo.find(Query.query(Criteria.where("workKeys").regex(regex)), CaseDocument.class)) {
            if (!seen.add(c.id) || !scope.canSee(c.administration) || CaseService.relations(user, c).isEmpty() || c.workKeys == null) {
                continue;
            }
            Set<String> items = new LinkedHashSet<>();
            for (String key : c.workKeys) {
                if (pattern.matcher(key).find()) {
                    items.add(key.substring(key.lastIndexOf('|') + 1));
                }
            }
            found.add(new Found(c, items));
        }
        return found;
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
