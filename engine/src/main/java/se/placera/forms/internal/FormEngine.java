package se.placera.forms.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import se.placera.forms.FormProblemCodes;
import se.placera.forms.Option;
import se.placera.forms.internal.CompiledMethod.Area;
import se.placera.forms.internal.CompiledMethod.Choice;
import se.placera.forms.internal.CompiledMethod.Question;
import se.placera.forms.rules.RuleContext;
import se.placera.forms.rules.RuleOutcome;
import se.placera.metadata.JsonSchemas;
import se.placera.shared.Problem;

/**
 * Evaluates a method against answers: in dependency order, decides which questions are visible, which are
 * answered automatically (the user's preset first, then the method's rule), which alternatives apply, and
 * what is wrong. The server's word on a form; front ends only render it.
 */
@Component
class FormEngine {

    private final OptionResolver options;
    private final JsonMapper mapper;

    FormEngine(OptionResolver options, JsonMapper mapper) {
        this.options = options;
        this.mapper = mapper;
    }

    /** The outcome for one question; {@code options} is null for questions without alternatives. */
    record QuestionOutcome(Question question, boolean visible, List<Option> options, Object value, String autoSource) {
    }

    /**
     * @param effective the answers that count: visible questions only, automatic values included
     * @param errors    problems that block a submit (wrong type, not an alternative, required and missing)
     * @param typeErrors the subset of errors that also block saving a draft (wrong type, unknown question)
     * @param notes     information, e.g. an answer to a hidden question that was discarded
     */
    record Evaluation(CompiledMethod method, Map<String, QuestionOutcome> outcomes, Map<String, Object> effective,
            Map<String, String> autoAnswered, List<Problem> errors, List<Problem> typeErrors, List<Problem> notes) {

        boolean complete() {
            return errors.isEmpty();
        }
    }

    Evaluation evaluate(CompiledMethod method, Map<String, Object> provided, Map<String, Object> presets,
            Map<String, Object> user, Map<String, Object> subject) {
        // What rules read as answers: every question of the method, null until evaluated and visible.
        SlotMap<Object> env = new SlotMap<>(method.slots());
        RuleContext context = new RuleContext(env, user, subject, null);
        Boolean[] areaVisible = new Boolean[method.areas().size()];
        SlotMap<QuestionOutcome> outcomes = new SlotMap<>(method.slots());
        Map<String, String> auto = new LinkedHashMap<>();
        List<Problem> notes = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> typeErrors = new ArrayList<>();

        for (String key : provided.keySet()) {
            if (!method.questions().containsKey(key)) {
                typeErrors.add(new Problem(pointer(key), FormProblemCodes.UNKNOWN_QUESTION,
                        "The method has no question '" + key + "'."));
            }
        }

        for (Question q : method.evaluationOrder()) {
            Boolean areaShown = areaVisible[q.areaIndex()];
            if (areaShown == null) {
                Area area = q.area();
                areaShown = area.visibleWhen() == null || area.visibleWhen().evaluate(context).isTrue();
                areaVisible[q.areaIndex()] = areaShown;
            }
            boolean visible = areaShown;
            if (visible && q.visibleWhen() != null) {
                visible = q.visibleWhen().evaluate(context).isTrue();
            }
            Object given = provided.get(q.id());
            if (!visible) {
                outcomes.put(q.id(), new QuestionOutcome(q, false, null, null, null));
                if (given != null) {
                    notes.add(new Problem(pointer(q.id()), FormProblemCodes.HIDDEN_QUESTION,
                            "The question is not shown with the current answers; its answer is not kept."));
                }
                continue;
            }
            Object value;
            String autoSource = null;
            if (presets.containsKey(q.id())) {
                value = presets.get(q.id());
                autoSource = "preset";
            } else if (q.autoAnswer() != null) {
                RuleOutcome out = q.autoAnswer().evaluate(context);
                value = out.ok() ? normalize(out.value()) : null;
                autoSource = value != null ? "rule" : null;
                if (value == null) {
                    value = given;
                }
            } else {
                value = given;
            }
            if (autoSource != null) {
                auto.put(q.id(), autoSource);
                if (given != null && !given.equals(value)) {
                    notes.add(new Problem(pointer(q.id()), FormProblemCodes.AUTO_ANSWERED,
                            "The question is answered automatically; the value given was not used."));
                }
            }
            List<Option> alternatives = null;
            if (q.hasOptions()) {
                alternatives = alternatives(q, context, user, subject);
            }
            env.put(q.id(), value);
            outcomes.put(q.id(), new QuestionOutcome(q, true, alternatives, value, autoSource));
        }

        // The effective answers in method order.
        Map<String, Object> effective = new LinkedHashMap<>(capacity(method.slots().size()));
        for (QuestionOutcome o : outcomes.values()) {
            if (o.visible() && o.value() != null) {
                effective.put(o.question().id(), o.value());
            }
        }
        // Types and ranges: the generated JSON Schema of the method version.
        List<Problem> schemaProblems = JsonSchemas.validate(method.submissionSchema(), toTree(effective), "/answers");
        typeErrors.addAll(schemaProblems);
        errors.addAll(typeErrors);
        for (QuestionOutcome o : outcomes.values()) {
            if (!o.visible()) {
                continue;
            }
            Question q = o.question();
            Object v = o.value();
            if (isEmpty(v)) {
                if (q.required()) {
                    errors.add(new Problem(pointer(q.id()), FormProblemCodes.REQUIRED, "An answer is required."));
                }
                continue;
            }
            if (o.options() != null && (schemaProblems.isEmpty() || !hasTypeError(schemaProblems, q.id()))) {
                checkAlternatives(q, v, o.options(), errors);
            }
        }
        return new Evaluation(method, outcomes, effective, auto, errors, typeErrors, notes);
    }

    /**
     * The label of each stored answer of a question with alternatives, as the method version (static
     * alternatives) and its codelists (every item ever, retired ones included) name it; a value without a known
     * label is kept as it is. Several choices give a list of labels.
     */
    Map<String, Object> answerLabels(CompiledMethod method, Map<String, Object> answers, Map<String, Object> user,
            Map<String, Object> subject) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Question q : method.questions().values()) {
            Object v = answers == null ? null : answers.get(q.id());
            if (v == null || q.options() == null) {
                continue;
            }
            Map<String, String> labels = new java.util.HashMap<>();
            if (q.options() instanceof CompiledMethod.OptionsSpec.Codelist c) {
                labels.putAll(options.everyLabel(c.codelistId()));
            } else {
                for (Choice c : options.choices(q.options(), user, subject)) {
                    labels.put(c.option().value(), c.option().label());
                }
            }
            if (v instanceof List<?> list) {
                out.put(q.id(), list.stream().map(x -> labels.getOrDefault(String.valueOf(x), String.valueOf(x))).toList());
            } else {
                out.put(q.id(), labels.getOrDefault(String.valueOf(v), String.valueOf(v)));
            }
        }
        return out;
    }

    private List<Option> alternatives(Question q, RuleContext context, Map<String, Object> user, Map<String, Object> subject) {
        List<Choice> choices = options.choices(q.options(), user, subject);
        List<Option> out = new ArrayList<>(choices.size());
        for (Choice c : choices) {
            if (q.optionFilter() == null || q.optionFilter().evaluate(context.withItem(c.item())).isTrue()) {
                out.add(c.option());
            }
        }
        return out;
    }

    private static void checkAlternatives(Question q, Object v, Collection<Option> alternatives, List<Problem> errors) {
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!contains(alternatives, list.get(i))) {
                    errors.add(new Problem(pointer(q.id()) + "/" + i, FormProblemCodes.NOT_AN_OPTION,
                            "'" + list.get(i) + "' is not one of the alternatives with the current answers."));
                }
            }
        } else if (!contains(alternatives, v)) {
            errors.add(new Problem(pointer(q.id()), FormProblemCodes.NOT_AN_OPTION,
                    "'" + v + "' is not one of the alternatives with the current answers."));
        }
    }

    private static boolean contains(Collection<Option> alternatives, Object value) {
        for (Option o : alternatives) {
            if (o.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTypeError(List<Problem> problems, String id) {
        String p = pointer(id);
        for (Problem problem : problems) {
            if (problem.pointer().equals(p) || problem.pointer().startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty());
    }

    /**
     * The JSON tree of the effective answers, built directly for the value types answers have (String, Integer,
     * Long, Double, Boolean, lists of them); anything else goes through {@code mapper.valueToTree}.
     * The same tree as {@code mapper.valueToTree(effective)} (FormEngineTests checks every shape), without the
     * serializer round trip that was a tenth of an evaluation.
     */
    JsonNode toTree(Map<String, Object> effective) {
        ObjectNode root = new ObjectNode(mapper.getNodeFactory(), new LinkedHashMap<>(capacity(effective.size())));
        for (Map.Entry<String, Object> e : effective.entrySet()) {
            root.set(e.getKey(), toNode(e.getValue()));
        }
        return root;
    }

    /** A hash map capacity that holds this many entries without growing. */
    private static int capacity(int entries) {
        return entries * 4 / 3 + 1;
    }

    private JsonNode toNode(Object value) {
        JsonNodeFactory nodes = mapper.getNodeFactory();
        return switch (value) {
            case null -> nodes.nullNode();
            case String s -> nodes.stringNode(s);
            case Integer i -> nodes.numberNode(i.intValue());
            case Long l -> nodes.numberNode(l.longValue());
            case Double d -> nodes.numberNode(d.doubleValue());
            case Boolean b -> nodes.booleanNode(b);
            case List<?> list -> {
                ArrayNode array = nodes.arrayNode(list.size());
                for (Object element : list) {
                    array.add(toNode(element));
                }
                yield array;
            }
            default -> mapper.valueToTree(value);
        };
    }

    /** Rule results and JSON input as stored values: whole numbers as Integer/Long, the rest as is. */
    static Object normalize(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return v;
    }

    static String pointer(String questionId) {
        return "/answers/" + questionId;
    }
}
