package se.placera.placements.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleException;
import se.placera.forms.rules.RuleResultType;
import se.placera.placements.ProcessDefinition;
import se.placera.placements.ProcessDefinition.Relation;
import se.placera.placements.ProcessDefinition.State;
import se.placera.placements.ProcessDefinition.Task;
import se.placera.placements.ProcessDefinition.Transition;
import se.placera.shared.Problem;

/**
 * Turns a {@code process} definition (already valid against its meta-schema) into a {@link ProcessDefinition}, with
 * the semantic checks a schema cannot make: every state named exists and is reachable, every open state has a way
 * to a final one, verbs are unique, guards type-check in the rule language over the case, and the methods and
 * codelists named exist. Problems carry JSON pointers into the definition.
 */
@Component
class ProcessCompiler {

    /** Sub-resources of {@code /api/cases/{id}/…} that a verb must not shadow. */
    static final Set<String> RESERVED_VERBS = Set.of("notes", "events", "tasks", "inquiries", "transfer", "reveal",
            "history", "responses", "decision", "agreements", "clocks", "placement");

    /** {@code answers.x}, {@code item["x"]}: the form-only variables, where they are not part of a longer name. */
    private static final Pattern FORM_VARIABLES = Pattern.compile("(?<![\\w.\"'])(answers|item)\\s*[.\\[]");

    interface References {
        boolean methodExists(String id);

        boolean codelistExists(String id);
    }

    record Result(ProcessDefinition process, List<Problem> problems) {
    }

    private final RuleCompiler rules;

    ProcessCompiler(RuleCompiler rules) {
        this.rules = rules;
    }

    Result compile(JsonNode content, int version, References refs) {
        List<Problem> problems = new ArrayList<>();
        Map<String, State> states = new LinkedHashMap<>();
        Map<String, Integer> stateIndex = new HashMap<>();
        JsonNode stateNodes = content.path("states");
        for (int i = 0; i < stateNodes.size(); i++) {
            JsonNode s = stateNodes.get(i);
            String id = s.path("id").asString();
            String at = "/states/" + i;
            if (states.containsKey(id)) {
                problems.add(new Problem(at + "/id", "process.duplicate-state", "The state '" + id
                        + "' is defined twice."));
                continue;
            }
            String codelist = text(s, "endReasonCodelist");
            if (codelist != null && !refs.codelistExists(codelist)) {
                problems.add(new Problem(at + "/endReasonCodelist", "process.unknown-codelist",
                        "There is no published codelist '" + codelist + "'."));
            }
            List<Task> tasks = new ArrayList<>();
            JsonNode taskNodes = s.path("tasks");
            Set<String> taskIds = new HashSet<>();
            for (int t = 0; t < taskNodes.size(); t++) {
                JsonNode tn = taskNodes.get(t);
                String taskId = tn.path("id").asString();
                if (!taskIds.add(taskId)) {
                    problems.add(new Problem(at + "/tasks/" + t + "/id", "process.duplicate-task",
                            "The task '" + taskId + "' is defined twice in the state '" + id + "'."));
                }
                String method = text(tn, "method");
                if (method != null && !refs.methodExists(method)) {
                    problems.add(new Problem(at + "/tasks/" + t + "/method", "process.unknown-method",
                            "There is no published method '" + method + "'."));
                }
                tasks.add(new Task(taskId, tn.path("title").asString(),
                        Relation.of(tn.path("assignee").asString()).orElse(Relation.RESPONSIBLE),
                        tn.has("dueInDays") ? tn.path("dueInDays").asInt() : null, method));
            }
            states.put(id, new State(id, s.path("title").asString(), s.path("final").asBoolean(false), codelist,
                    List.copyOf(tasks)));
            stateIndex.put(id, i);
        }

        String initial = content.path("initialState").asString();
        if (!states.containsKey(initial)) {
            problems.add(new Problem("/initialState", "process.unknown-state",
                    "The initial state '" + initial + "' is not one of the states."));
        }
        if (states.values().stream().noneMatch(State::isFinal)) {
            problems.add(new Problem("/states", "process.no-final-state",
                    "At least one state must be final (a closed case)."));
        }

        List<Transition> transitions = new ArrayList<>();
        Set<String> verbs = new HashSet<>();
        JsonNode transitionNodes = content.path("transitions");
        for (int i = 0; i < transitionNodes.size(); i++) {
            JsonNode t = transitionNodes.get(i);
            String at = "/transitions/" + i;
            String verb = t.path("verb").asString();
            if (!verbs.add(verb)) {
                problems.add(new Problem(at + "/verb", "process.duplicate-verb", "The verb '" + verb
                        + "' is used by two transitions; a verb names one action."));
            }
            if (RESERVED_VERBS.contains(verb)) {
                problems.add(new Problem(at + "/verb", "process.reserved-verb", "The verb '" + verb
                        + "' is reserved for another part of a case; choose another."));
            }
            Set<String> from = new LinkedHashSet<>();
            JsonNode fromNodes = t.path("from");
            for (int f = 0; f < fromNodes.size(); f++) {
                String s = fromNodes.get(f).asString();
                from.add(s);
                State state = states.get(s);
                if (state == null) {
                    problems.add(new Problem(at + "/from/" + f, "process.unknown-state",
                            "The state '" + s + "' is not one of the states."));
                } else if (state.isFinal()) {
                    problems.add(new Problem(at + "/from/" + f, "process.leaves-final-state",
                            "The state '" + s + "' is final: no transition may leave it."));
                }
            }
            String to = t.path("to").asString();
            if (!states.containsKey(to)) {
                problems.add(new Problem(at + "/to", "process.unknown-state",
                        "The state '" + to + "' is not one of the states."));
            }
            String guard = text(t, "guard");
            if (guard != null) {
                checkCondition(guard, at + "/guard", problems);
            }
            String method = text(t, "requiresMethod");
            if (method != null && !refs.methodExists(method)) {
                problems.add(new Problem(at + "/requiresMethod", "process.unknown-method",
                        "There is no published method '" + method + "'."));
            }
            Set<Relation> allowed = new LinkedHashSet<>();
            t.path("allowed").forEach(a -> Relation.of(a.asString()).ifPresent(allowed::add));
            transitions.add(new Transition(verb, t.path("title").asString(), Set.copyOf(from), to,
                    Set.copyOf(allowed), guard, text(t, "guardMessage"), method, t.path("decision").asBoolean(false),
                    t.path("placement").asBoolean(false)));
        }

        String appliesWhen = text(content, "appliesWhen");
        if (appliesWhen != null) {
            checkCondition(appliesWhen, "/appliesWhen", problems);
        }

        if (states.containsKey(initial)) {
            checkReachability(initial, states, stateIndex, transitions, problems);
        }
        ProcessDefinition process = new ProcessDefinition(content.path("id").asString(), version,
                content.path("title").asString(), appliesWhen, initial, List.copyOf(states.values()), transitions);
        return new Result(process, List.copyOf(problems));
    }

    /** Every state can be reached from the initial one, and from every open state a final one can be reached. */
    private static void checkReachability(String initial, Map<String, State> states, Map<String, Integer> index,
            List<Transition> transitions, List<Problem> problems) {
        Map<String, Set<String>> next = new HashMap<>();
        Map<String, Set<String>> previous = new HashMap<>();
        for (Transition t : transitions) {
            for (String f : t.from()) {
                next.computeIfAbsent(f, k -> new HashSet<>()).add(t.to());
                previous.computeIfAbsent(t.to(), k -> new HashSet<>()).add(f);
            }
        }
        Set<String> reachable = walk(Set.of(initial), next);
        Set<String> finals = new HashSet<>();
        states.values().stream().filter(State::isFinal).forEach(s -> finals.add(s.id()));
        Set<String> canFinish = walk(finals, previous);
        for (State s : states.values()) {
            String at = "/states/" + index.get(s.id());
            if (!reachable.contains(s.id())) {
                problems.add(new Problem(at, "process.unreachable-state", "No transition leads from the initial state '"
                        + initial + "' to the state '" + s.id() + "'."));
            } else if (!finals.isEmpty() && !canFinish.contains(s.id())) {
                problems.add(new Problem(at, "process.dead-end-state", "A case in the state '" + s.id()
                        + "' could never be closed: no way leads from it to a final state."));
            }
        }
    }

    private static Set<String> walk(Set<String> start, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>(start);
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String n : edges.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }

    /** A guard reads the case's facts ({@code subject}) and the acting user ({@code user}), never form answers. */
    private void checkCondition(String expression, String pointer, List<Problem> problems) {
        try {
            CompiledRule rule = rules.compile(expression, RuleResultType.BOOL);
            if (!rule.answerDependencies().isEmpty() || FORM_VARIABLES.matcher(expression).find()) {
                problems.add(new Problem(pointer, "process.guard-reads-answers", "A process condition reads "
                        + "the case's facts (subject) and the user (user), not form answers or items."));
            }
        } catch (RuleException e) {
            // the same codes as a method's rules (rule.syntax, rule.type, rule.result.type …)
            problems.add(new Problem(pointer, e.code().toLowerCase(Locale.ROOT).replace('_', '.'), e.detail()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
