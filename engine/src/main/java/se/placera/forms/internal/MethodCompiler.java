package se.placera.forms.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import se.placera.forms.FormProblemCodes;
import se.placera.forms.Option;
import se.placera.forms.internal.CompiledMethod.Area;
import se.placera.forms.internal.CompiledMethod.Choice;
import se.placera.forms.internal.CompiledMethod.OptionsSpec;
import se.placera.forms.internal.CompiledMethod.Question;
import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleCycleException;
import se.placera.forms.rules.RuleException;
import se.placera.forms.rules.RuleGraph;
import se.placera.forms.rules.RuleResultType;
import se.placera.metadata.JsonSchemas;
import se.placera.shared.Problem;

/**
 * Turns method content (already valid against the meta-schema) into a {@link CompiledMethod}: compiles and
 * type-checks every rule, checks references, orders the rules by their dependencies (rejecting cycles) and
 * generates the submission JSON Schema.
 */
@Component
class MethodCompiler {

    private final RuleCompiler rules;
    private final JsonMapper mapper;

    MethodCompiler(RuleCompiler rules, JsonMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    /** What a compile needs to know about the world: which codelists and option sources exist. */
    interface References {
        boolean codelistExists(String id);

        boolean optionSourceExists(String id);
    }

    /** The compiled method, or the problems that prevent it (pointers into the method content). */
    record Result(CompiledMethod method, List<Problem> problems) {
    }

    Result compile(JsonNode content, int version, References refs) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Question> questions = new LinkedHashMap<>();
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        List<Area> areas = new ArrayList<>();
        Set<String> areaIds = new HashSet<>();
        Map<String, String> pointerOf = new LinkedHashMap<>();

        // First pass: every question id, so rules can be checked against the whole method.
        Set<String> allIds = new LinkedHashSet<>();
        JsonNode areasNode = content.path("areas");
        for (int a = 0; a < areasNode.size(); a++) {
            JsonNode qs = areasNode.get(a).path("questions");
            for (int q = 0; q < qs.size(); q++) {
                String id = qs.get(q).path("id").asString();
                if (!allIds.add(id)) {
                    problems.add(new Problem("/areas/" + a + "/questions/" + q + "/id", "method.duplicate-question",
                            "The question id '" + id + "' is used more than once in the method."));
                }
            }
        }

        for (int a = 0; a < areasNode.size(); a++) {
            JsonNode areaNode = areasNode.get(a);
            String areaPointer = "/areas/" + a;
            String areaId = areaNode.path("id").asString();
            if (!areaIds.add(areaId)) {
                problems.add(new Problem(areaPointer + "/id", "method.duplicate-area",
                        "The area id '" + areaId + "' is used more than once."));
            }
            CompiledRule areaRule = rule(areaNode, "visibleWhen", RuleResultType.BOOL, areaPointer, allIds, problems);
            List<Question> areaQuestions = new ArrayList<>();
            Area area = new Area(areaId, areaNode.path("title").asString(), text(areaNode, "description"), areaRule,
                    areaQuestions);
            areas.add(area);
            JsonNode qs = areaNode.path("questions");
            for (int q = 0; q < qs.size(); q++) {
                JsonNode qn = qs.get(q);
                String pointer = areaPointer + "/questions/" + q;
                Question question = question(qn, area, a, q, pointer, allIds, refs, problems);
                areaQuestions.add(question);
                if (questions.putIfAbsent(question.id(), question) == null) {
                    Set<String> d = new LinkedHashSet<>();
                    if (areaRule != null) {
                        d.addAll(areaRule.answerDependencies());
                    }
                    for (CompiledRule r : new CompiledRule[] {question.visibleWhen(), question.autoAnswer(), question.optionFilter()}) {
                        if (r != null) {
                            d.addAll(r.answerDependencies());
                        }
                    }
                    deps.put(question.id(), d);
                    pointerOf.put(question.id(), pointer);
                }
            }
        }

        List<Question> order = List.of();
        try {
            order = RuleGraph.order(deps).stream().map(questions::get).toList();
        } catch (RuleCycleException e) {
            String first = e.cycle().getFirst();
            problems.add(new Problem(pointerOf.getOrDefault(first, ""), "rule.cycle",
                    "The rules depend on each other in a circle: " + String.join(" → ", e.cycle())
                            + ". A question's rules may not (indirectly) read its own answer."));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        ObjectNode schemaNode = submissionSchema(questions.values());
        var method = new CompiledMethod(content.path("id").asString(), version, content.path("title").asString(),
                content.path("purpose").asString(), content.path("subjectType").asString("none"), List.copyOf(areas),
                java.util.Collections.unmodifiableMap(questions), order, schemaNode, JsonSchemas.compile(schemaNode));
        return new Result(method, List.of());
    }

    private Question question(JsonNode qn, Area area, int a, int q, String pointer, Set<String> allIds,
            References refs, List<Problem> problems) {
        String id = qn.path("id").asString();
        String kind = qn.path("kind").asString();
        String answerType = "rating".equals(kind) ? null : qn.path("answerType").asString();
        String scale = "rating".equals(kind) ? qn.path("scale").asString() : null;
        Map<String, String> scaleLabels = null;
        if (qn.has("scaleLabels")) {
            scaleLabels = new LinkedHashMap<>();
            int lo = "percent".equals(scale) ? 0 : 1;
            int hi = "percent".equals(scale) ? 100 : 5;
            for (var e : qn.get("scaleLabels").properties()) {
                int point = Integer.parseInt(e.getKey());
                if (point < lo || point > hi) {
                    problems.add(new Problem(pointer + "/scaleLabels/" + e.getKey(), "method.scale-label-out-of-range",
                            "The scale " + scale + " has no point " + point + "."));
                }
                scaleLabels.put(e.getKey(), e.getValue().asString());
            }
        }
        Number min = qn.has("minimum") ? qn.get("minimum").numberValue() : null;
        Number max = qn.has("maximum") ? qn.get("maximum").numberValue() : null;
        if (min != null && max != null && min.doubleValue() > max.doubleValue()) {
            problems.add(new Problem(pointer + "/minimum", "method.minimum-above-maximum",
                    "The minimum is greater than the maximum."));
        }
        OptionsSpec options = null;
        JsonNode on = qn.get("options");
        if (on != null) {
            if (on.has("static")) {
                List<Choice> choices = new ArrayList<>();
                Set<String> values = new HashSet<>();
                JsonNode list = on.get("static");
                for (int i = 0; i < list.size(); i++) {
                    JsonNode o = list.get(i);
                    String value = o.path("value").asString();
                    if (!values.add(value)) {
                        problems.add(new Problem(pointer + "/options/static/" + i + "/value", "method.duplicate-option",
                                "The alternative '" + value + "' occurs more than once."));
                    }
                    Map<String, Object> attributes = o.has("attributes")
                            ? mapper.convertValue(o.get("attributes"), Map.class) : Map.of();
                    choices.add(choice(new Option(value, o.path("label").asString(), attributes)));
                }
                options = new OptionsSpec.Static(List.copyOf(choices));
            } else if (on.has("codelist")) {
                String codelist = on.get("codelist").asString();
                if (!refs.codelistExists(codelist)) {
                    problems.add(new Problem(pointer + "/options/codelist", "method.unknown-codelist",
                            "There is no published codelist '" + codelist + "'."));
                }
                options = new OptionsSpec.Codelist(codelist);
            } else if (on.has("source")) {
                String source = on.get("source").asString();
                if (!refs.optionSourceExists(source)) {
                    problems.add(new Problem(pointer + "/options/source", "method.unknown-option-source",
                            "There is no option source '" + source + "'."));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> params = on.has("params") ? mapper.convertValue(on.get("params"), Map.class) : Map.of();
                options = new OptionsSpec.Source(source, params);
            }
        }
        String help = text(qn, "help");
        return new Question(id, area, a, q, text(qn, "heading"), qn.path("text").asString(), help,
                HelpText.toHtml(help), kind, answerType, scale, scaleLabels,
                qn.path("allowNotApplicable").asBoolean(false), min, max,
                qn.has("maxLength") ? qn.get("maxLength").asInt() : null,
                qn.has("multiline") ? qn.get("multiline").asBoolean() : null,
                qn.path("required").asBoolean(false), options,
                rule(qn, "visibleWhen", RuleResultType.BOOL, pointer, allIds, problems),
                autoAnswer(qn, pointer, allIds, problems),
                rule(qn, "optionFilter", RuleResultType.BOOL, pointer, allIds, problems));
    }

    static Choice choice(Option option) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", option.value());
        item.put("label", option.label());
        item.put("attributes", option.attributes());
        return new Choice(option, java.util.Collections.unmodifiableMap(item));
    }

    /** {@code "autoAnswer": "<cel>"} or {@code {"when": "<cel bool>", "value": "<cel>"}}. */
    private CompiledRule autoAnswer(JsonNode qn, String pointer, Set<String> allIds, List<Problem> problems) {
        JsonNode node = qn.get("autoAnswer");
        if (node == null || node.isString()) {
            return rule(qn, "autoAnswer", RuleResultType.ANY, pointer, allIds, problems);
        }
        String p = pointer + "/autoAnswer";
        CompiledRule when = rule(node, "when", RuleResultType.BOOL, p, allIds, problems);
        CompiledRule value = rule(node, "value", RuleResultType.ANY, p, allIds, problems);
        return value == null ? null : new ConditionalRule(when, value);
    }

    private CompiledRule rule(JsonNode node, String field, RuleResultType type, String pointer, Set<String> allIds,
            List<Problem> problems) {
        JsonNode expr = node.get(field);
        if (expr == null || !expr.isString()) {
            return null;
        }
        String rulePointer = pointer + "/" + field;
        try {
            CompiledRule compiled = rules.compile(expr.asString(), type);
            for (String dep : compiled.answerDependencies()) {
                if (!allIds.contains(dep)) {
                    problems.add(new Problem(rulePointer, "rule.unknown-question",
                            "The rule reads answers." + dep + ", but the method has no question '" + dep + "'."));
                }
            }
            return compiled;
        } catch (RuleException e) {
            problems.add(new Problem(rulePointer, e.code().toLowerCase().replace('_', '.'), e.detail()));
            return null;
        }
    }

    /** The JSON Schema of a submission's answers: types, ranges and static alternatives of every question. */
    private ObjectNode submissionSchema(Iterable<Question> questions) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        for (Question q : questions) {
            ObjectNode p = props.putObject(q.id());
            if ("rating".equals(q.kind())) {
                if (q.allowNotApplicable()) {
                    // "Vet ej / ej aktuellt" is its own value, the string "vet-ej": a number on the scale or that.
                    p.putArray("type").add("integer").add("string");
                    p.put("pattern", "^" + FormProblemCodes.NOT_APPLICABLE + "$");
                } else {
                    p.put("type", "integer");
                }
                p.put("minimum", "percent".equals(q.scale()) ? 0 : 1);
                p.put("maximum", "percent".equals(q.scale()) ? 100 : 5);
                continue;
            }
            switch (q.answerType()) {
                case "single" -> {
                    p.put("type", "string");
                    staticEnum(q).ifPresent(values -> p.set("enum", values));
                }
                case "multiple" -> {
                    p.put("type", "array");
                    p.put("uniqueItems", true);
                    ObjectNode items = p.putObject("items");
                    items.put("type", "string");
                    staticEnum(q).ifPresent(values -> items.set("enum", values));
                }
                case "number" -> {
                    p.put("type", "number");
                    if (q.minimum() != null) {
                        p.put("minimum", q.minimum().doubleValue());
                    }
                    if (q.maximum() != null) {
                        p.put("maximum", q.maximum().doubleValue());
                    }
                }
                case "date" -> {
                    p.put("type", "string");
                    p.put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
                }
                default -> {
                    p.put("type", "string");
                    p.put("maxLength", q.maxLength() != null ? q.maxLength() : 10000);
                }
            }
        }
        return root;
    }

    private java.util.Optional<ArrayNode> staticEnum(Question q) {
        if (q.options() instanceof OptionsSpec.Static s) {
            ArrayNode values = mapper.createArrayNode();
            s.choices().forEach(c -> values.add(c.option().value()));
            return java.util.Optional.of(values);
        }
        return java.util.Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }
}
