package se.placera.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The direct evaluation of a rule ({@link DirectRule}) must give exactly what the CEL interpreter gives whenever it
 * gives anything: for every rule in the standard library, the shapes of the benchmark method and a list of edge cases,
 * evaluated in many generated contexts (missing keys, nulls, ints and doubles, strings, lists, maps, values of types
 * CEL converts). When the direct form falls back, CEL decides, so only the direct answers are compared.
 */
class DirectRuleEquivalenceTests {

    private static final RuleCompiler COMPILER = new RuleCompiler();
    private static final int CONTEXTS = 1000;

    /** The shapes of GeneratedMethod's rules (the benchmark) and edge cases of the supported constructs. */
    private static final List<String> EDGE_CASES = List.of(
            "answers.uppfoljningstyp != 'efter-avslut'",
            "has(subject.targetGroup) && subject.targetGroup in ['vuxna-missbruk', 'vuxna-hemloshet']",
            "has(user.municipality) ? dyn(user.municipality) : null",
            "item.attributes.sector == 'vuxna'",
            "has(subject.targetGroup) ? subject.targetGroup : null",
            "answers.malgrupp == null || answers.malgrupp in item.attributes.targetGroups",
            "answers.alder < 25 ? '18-24' : answers.alder < 45 ? '25-44' : answers.alder < 65 ? '45-64' : '65-'",
            "answers.sysselsattning != null && 'annat' in answers.sysselsattning",
            "answers.tidigareInsatser != null && answers.tidigareInsatser > 0",
            "answers.malgrupp == 'vuxna-missbruk' ? dyn('ja') : null",
            "has(user.team) && user.team != null",
            "answers.bemotandeProcent1 >= 40",
            "answers.alder >= 18",
            "answers.samtalsdatum",
            "user.roles",
            "subject",
            "item.attributes",
            // equality and ordering across types
            "answers.a == 1", "answers.a == 1.0", "answers.a != 1", "answers.a == 'a'", "answers.a == true",
            "answers.a == null", "answers.a == answers.b", "answers.a != answers.b", "answers.a == [1, 'a']",
            "answers.a == []", "answers.a < answers.b", "answers.a <= answers.b", "answers.a > 0.5",
            "answers.a >= 'a'", "answers.a < 2", "answers.a > -0.0",
            // membership, access, has
            "answers.a in [1, 'a', null, 1.0, true]", "answers.a in answers.b", "'k' in answers.b",
            "'a' in item.attributes", "answers.a in item.attributes.targetGroups", "has(answers.b.k)",
            "has(item.attributes.k)", "answers.b.k", "answers['a']", "answers.b['k']", "answers.b[0]",
            "answers.b[1] == 'a'", "'a' in answers",
            // logic and the conditional
            "!answers.a", "answers.a && answers.b", "answers.a || answers.b", "answers.a ? answers.b : 1",
            "answers.a == 1 || answers.b == 'a'", "answers.a == 1 && answers.b.k == 'a'",
            // functions
            "size(answers.a) > 1", "answers.a.size() == 0", "answers.a.startsWith('a')", "answers.a.endsWith('')",
            "answers.a.contains(answers.b)", "double(answers.a) > 0.0", "dyn(answers.a) == dyn(answers.b)",
            "[answers.a, answers.b]", "[answers.a, 1] == [1, answers.b]",
            // outside the direct shapes: CEL only
            "answers.a + 1 > 2", "answers.b.exists(x, x == 'a')", "int(answers.a) == 1", "string(answers.a) == '1'");

    private static final List<Object> SCALARS = Arrays.asList(null, true, false, 0, 1, 2, 25, 34L, 45L, 70, -1,
            1.0, 0.5, 40.0, 2.5, -0.0, Double.NaN, "", "a", "b", "k", "ä", "z", "\uD83D\uDE00", "\uFB01", "1",
            new BigDecimal("1.5"), 3.0f, (short) 1, new Date(0));

    static Stream<String> expressions() throws IOException {
        Set<String> all = new LinkedHashSet<>(libraryRules());
        all.addAll(EDGE_CASES);
        return all.stream();
    }

    /** Every rule expression in metadata/methods: visibleWhen, optionFilter, autoAnswer and its when/value. */
    static List<String> libraryRules() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../metadata/methods"))) {
            for (Path file : files.sorted().toList()) {
                collect(mapper.readTree(file.toFile()), rules);
            }
        }
        assertThat(rules).hasSizeGreaterThan(20);
        return rules;
    }

    private static void collect(JsonNode node, List<String> rules) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                JsonNode child = node.get(name);
                switch (name) {
                    case "visibleWhen", "optionFilter" -> rules.add(child.asString());
                    case "autoAnswer" -> {
                        if (child.isString()) {
                            rules.add(child.asString());
                        } else {
                            rules.add(child.get("when").asString());
                            rules.add(child.get("value").asString());
                        }
                    }
                    default -> collect(child, rules);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, rules));
        }
    }

    @Test
    void everyStandardLibraryRuleHasADirectForm() throws IOException {
        for (String rule : libraryRules()) {
            assertThat(((CelCompiledRule) COMPILER.compile(rule, RuleResultType.ANY)).hasDirectForm())
                    .as(rule).isTrue();
        }
    }

    @Test
    void constructsOutsideTheDirectShapesAreLeftToCel() {
        for (String rule : List.of("answers.a + 1 > 2", "answers.b.exists(x, x == 'a')", "int(answers.a) == 1",
                "b'x' == b'y'", "1u == answers.a", "duration('1s') > duration('0s')")) {
            assertThat(((CelCompiledRule) COMPILER.compile(rule, RuleResultType.ANY)).hasDirectForm())
                    .as(rule).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void theDirectFormAgreesWithCel(String expression) {
        CelCompiledRule rule = (CelCompiledRule) COMPILER.compile(expression, RuleResultType.ANY);
        Random random = new Random(expression.hashCode());
        Set<String> keys = keys(expression);
        List<Object> literals = literals(expression);
        int direct = 0;
        for (int i = 0; i < CONTEXTS; i++) {
            RuleContext context = new RuleContext(map(random, keys, literals, 2), map(random, keys, literals, 2),
                    map(random, keys, literals, 2), map(random, keys, literals, 2));
            RuleOutcome fast = rule.evaluateDirect(context);
            if (fast == null) {
                continue;
            }
            direct++;
            RuleOutcome cel = rule.evaluateWithCel(context);
            assertThat(fast).as("%s with %s (CEL: %s)", expression, context, cel).isEqualTo(cel);
        }
        if (rule.hasDirectForm()) {
            // The contexts must reach the direct path often enough for the comparison to mean something.
            assertThat(direct).as(expression).isGreaterThanOrEqualTo(CONTEXTS / 200);
        }
    }

    private static final Pattern KEY = Pattern.compile("(?:\\.|\\[')([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern STRING = Pattern.compile("'([^']*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.'])(-?\\d+(?:\\.\\d+)?)(?![\\w'])");

    private static Set<String> keys(String expression) {
        Set<String> keys = new LinkedHashSet<>(List.of("a", "b", "k", "attributes"));
        Matcher m = KEY.matcher(expression);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<Object> literals(String expression) {
        List<Object> literals = new ArrayList<>();
        Matcher m = STRING.matcher(expression);
        while (m.find()) {
            literals.add(m.group(1));
        }
        m = NUMBER.matcher(expression);
        while (m.find()) {
            String n = m.group(1);
            literals.add(n.contains(".") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n));
        }
        return literals;
    }

    /** A map of some of the keys (a fifth are missing) to values: scalars, literals, lists and maps of them. */
    private static Map<String, Object> map(Random random, Set<String> keys, List<Object> literals, int depth) {
        Map<String, Object> map = new HashMap<>();
        for (String key : keys) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            map.put(key, key.equals("attributes") && depth > 0 && random.nextBoolean()
                    ? map(random, keys, literals, depth - 1) : value(random, keys, literals, depth));
        }
        return map;
    }

    private static Object value(Random random, Set<String> keys, List<Object> literals, int depth) {
        int kind = random.nextInt(10);
        if (kind < 3 && !literals.isEmpty()) {
            return literals.get(random.nextInt(literals.size()));
        }
        if (kind < 5 || depth == 0) {
            return SCALARS.get(random.nextInt(SCALARS.size()));
        }
        if (kind < 8) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                list.add(value(random, keys, literals, depth - 1));
            }
            return list;
        }
        return map(random, keys, literals, depth - 1);
    }
}
