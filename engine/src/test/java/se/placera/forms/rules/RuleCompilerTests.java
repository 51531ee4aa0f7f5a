package se.placera.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleCompilerTests {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    private static final Map<String, Object> HVB = Map.of(
            "value", "hvb",
            "label", "HVB",
            "attributes", Map.of("targetGroups", List.of("barn-unga", "familj")));

    private static CompiledRule bool(String expression) {
        return COMPILER.compile(expression, RuleResultType.BOOL);
    }

    private static CompiledRule any(String expression) {
        return COMPILER.compile(expression, RuleResultType.ANY);
    }

    private static Map<String, Object> answers(Object... keysAndValues) {
        Map<String, Object> answers = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }

    private static RuleOutcome eval(CompiledRule rule, Map<String, Object> answers) {
        return rule.evaluate(RuleContext.ofAnswers(answers));
    }

    private static RuleException compileError(String expression, RuleResultType expected) {
        try {
            COMPILER.compile(expression, expected);
        } catch (RuleException e) {
            return e;
        }
        throw new AssertionError("Expected a RuleException for: " + expression);
    }

    @Nested
    class ResultTypes {

        @Test
        void boolRuleAcceptsBoolAndDynResults() {
            assertThat(bool("answers.a == 'x'").expression()).isEqualTo("answers.a == 'x'");
            assertThat(eval(bool("answers.flag"), answers("flag", true)).isTrue()).isTrue();
        }

        @Test
        void boolRuleRejectsNonBoolResults() {
            for (String expression : List.of("1 + 2", "'text'", "[true]", "{'a': true}", "null")) {
                RuleException e = compileError(expression, RuleResultType.BOOL);
                assertThat(e.code()).as(expression).isEqualTo("RULE_RESULT_TYPE");
                assertThat(e.detail()).as(expression).contains("must be a bool");
            }
        }

        @Test
        void anyRuleAcceptsNonBoolResults() {
            assertThat(any("1 + 2").evaluate(RuleContext.empty()).value()).isEqualTo(3L);
            assertThat(any("'a' + 'b'").evaluate(RuleContext.empty()).value()).isEqualTo("ab");
        }

        @Test
        void dynResultThatIsNotBoolIsAnErrorOutcomeForBoolRules() {
            RuleOutcome outcome = eval(bool("answers.a"), answers("a", "yes"));
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.isTrue()).isFalse();
            assertThat(outcome.error()).contains("must yield a bool");
        }
    }

    @Nested
    class CompileErrors {

        @Test
        void syntaxErrorHasStableCodeAndPosition() {
            RuleException e = compileError("answers.a == 'x", RuleResultType.BOOL);
            assertThat(e.code()).isEqualTo("RULE_SYNTAX");
            assertThat(e.detail()).contains("line 1, column");
            assertThat(e.getMessage()).startsWith("RULE_SYNTAX: ");
        }

        @Test
        void emptyExpressionIsASyntaxError() {
            assertThat(compileError("  ", RuleResultType.BOOL).code()).isEqualTo("RULE_SYNTAX");
            assertThat(compileError(null, RuleResultType.ANY).code()).isEqualTo("RULE_SYNTAX");
        }

        @Test
        void typeErrorsAndUnknownNamesAreTypeErrors() {
            RuleException overload = compileError("1 + 'a'", RuleResultType.ANY);
            assertThat(overload.code()).isEqualTo("RULE_TYPE");
            assertThat(overload.detail()).contains("no matching overload").contains("line 1, column 3");
            assertThat(compileError("applicant.age > 3", RuleResultType.BOOL).code()).isEqualTo("RULE_TYPE");
            assertThat(compileError("unknownFunction(answers.a)", RuleResultType.BOOL).code()).isEqualTo("RULE_TYPE");
        }

        @Test
        void tooLongExpressionIsRejectedBeforeParsing() {
            String expression = "answers.a == '" + "x".repeat(2000) + "'";
            RuleException e = compileError(expression, RuleResultType.BOOL);
            assertThat(e.code()).isEqualTo("RULE_TOO_LONG");
            assertThat(e.detail()).contains("2000");
        }

        @Test
        void limitsAreConfigurable() {
            RuleCompiler strict = new RuleCompiler(new RuleLimits(10, 5, 4));
            assertThatThrownBy(() -> strict.compile("answers.abc == 'xyz'", RuleResultType.BOOL))
                    .isInstanceOfSatisfying(RuleException.class, e -> assertThat(e.code()).isEqualTo("RULE_TOO_LONG"));
            assertThatThrownBy(() -> new RuleLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void overlyDeepNestingIsRejected() {
            String deep = "(".repeat(40) + "true" + ")".repeat(40);
            RuleException e = compileError(deep, RuleResultType.BOOL);
            assertThat(e.code()).isEqualTo("RULE_TOO_DEEP");
            assertThat(e.detail()).contains("recursion limit");
            assertThat(bool("(".repeat(10) + "true" + ")".repeat(10)).evaluate(RuleContext.empty()).isTrue()).isTrue();
        }

        @Test
        void longFlatConjunctionsAreNotTooDeep() {
            String expression = String.join(" && ",
                    IntStream.range(0, 60).mapToObj(i -> "answers.q" + i + " != 'x'").toList());
            assertThat(bool(expression).answerDependencies()).hasSize(60);
        }
    }

    @Nested
    class Dependencies {

        @Test
        void allFourAccessFormsAreDependencies() {
            assertThat(bool("answers.a == 'x'").answerDependencies()).containsExactly("a");
            assertThat(bool("answers['b-c'] == 'x'").answerDependencies()).containsExactly("b-c");
            assertThat(bool("has(answers.d)").answerDependencies()).containsExactly("d");
            assertThat(bool("'e' in answers").answerDependencies()).containsExactly("e");
        }

        @Test
        void nestedExpressionsCollectEveryDependencyInOrder() {
            CompiledRule rule = bool("answers.a == 'x' && (has(answers.b) ? answers.b > 3 : false)");
            assertThat(rule.answerDependencies()).containsExactly("a", "b");

            CompiledRule complex = bool("answers.list.exists(v, v == answers['c'])"
                    + " || ('d' in answers && answers.e.nested.field == item.value)"
                    + " || [answers.f, 1].size() > 1 || {'k': answers.g}.k == 1");
            assertThat(complex.answerDependencies()).containsExactly("list", "c", "d", "e", "f", "g");
        }

        @Test
        void rulesWithoutAnswersHaveNoDependencies() {
            assertThat(bool("user.roles.exists(r, r == 'admin')").answerDependencies()).isEmpty();
            assertThat(bool("'barn-unga' in item.attributes.targetGroups").answerDependencies()).isEmpty();
        }

        @Test
        void comprehensionVariablesMayShadowAnswers() {
            CompiledRule rule = bool("[1, 2].exists(answers, answers > 1) && answers.real == 1");
            assertThat(rule.answerDependencies()).containsExactly("real");
            assertThat(eval(rule, answers("real", 1)).isTrue()).isTrue();
        }

        @Test
        void dependenciesAreImmutable() {
            Set<String> dependencies = bool("answers.a == 1").answerDependencies();
            assertThatThrownBy(() -> dependencies.add("b")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class DynamicAnswerAccess {

        @Test
        void nonLiteralKeysAndWholeValueUsesAreRejected() {
            for (String expression : List.of(
                    "answers[user.field] == 'x'",
                    "answers['a' + 'b'] == 'x'",
                    "user.field in answers",
                    "size(answers) > 0",
                    "answers.size() > 0",
                    "answers.all(k, k != '')",
                    "answers.exists(k, answers[k] == 1)",
                    "answers == {}",
                    "[answers].size() == 1")) {
                RuleException e = compileError(expression, RuleResultType.BOOL);
                assertThat(e.code()).as(expression).isEqualTo("RULE_DYNAMIC_ANSWER_ACCESS");
                assertThat(e.detail()).as(expression).contains("line 1");
            }
        }

        @Test
        void autoAnswerCannotReturnAllAnswers() {
            assertThat(compileError("answers", RuleResultType.ANY).code()).isEqualTo("RULE_DYNAMIC_ANSWER_ACCESS");
        }
    }

    @Nested
    class Evaluation {

        @Test
        void comparesIntsAndDoublesHeterogeneously() {
            CompiledRule rule = bool("answers.age > 12");
            assertThat(eval(rule, answers("age", 13)).isTrue()).isTrue();
            assertThat(eval(rule, answers("age", 13L)).isTrue()).isTrue();
            assertThat(eval(rule, answers("age", 12.5)).isTrue()).isTrue();
            assertThat(eval(rule, answers("age", new BigDecimal("12.0"))).value()).isEqualTo(false);
            assertThat(eval(rule, answers("age", 12)).value()).isEqualTo(false);
            assertThat(eval(bool("answers.age == 13.0"), answers("age", 13)).isTrue()).isTrue();
            assertThat(eval(bool("answers.score >= 2.5"), answers("score", 3)).isTrue()).isTrue();
        }

        @Test
        void nullEqualityIsFalseNotAnError() {
            CompiledRule rule = bool("answers.a == 'x'");
            RuleOutcome outcome = eval(rule, answers("a", null));
            assertThat(outcome.ok()).isTrue();
            assertThat(outcome.value()).isEqualTo(false);
            assertThat(eval(bool("answers.a == null"), answers("a", null)).isTrue()).isTrue();
            assertThat(eval(bool("answers.a != null"), answers("a", "x")).isTrue()).isTrue();
            assertThat(bool("dyn(null) == 'x'").evaluate(RuleContext.empty()).value()).isEqualTo(false);
            // A literal null compared with a string literal is a static type error in CEL, not a runtime false.
            assertThat(compileError("null == 'x'", RuleResultType.BOOL).code()).isEqualTo("RULE_TYPE");
        }

        @Test
        void listMembershipAgainstTheItem() {
            CompiledRule filter = bool("answers.malgrupp in item.attributes.targetGroups");
            RuleContext context = RuleContext.ofAnswers(answers("malgrupp", "barn-unga"));
            assertThat(filter.evaluate(context.withItem(HVB)).isTrue()).isTrue();
            assertThat(filter.evaluate(context.withItem(Map.of("value", "x", "attributes",
                    Map.of("targetGroups", List.of("vuxna"))))).value()).isEqualTo(false);
            assertThat(filter.answerDependencies()).containsExactly("malgrupp");
        }

        @Test
        void autoAnswerReturnsPlainJavaMaps() {
            Map<String, Object> kommun = new LinkedHashMap<>();
            kommun.put("code", 1480);
            kommun.put("name", "Göteborg");
            kommun.put("population", new BigDecimal("604616.0"));
            kommun.put("regions", List.of("Hisingen", "Centrum"));
            kommun.put("parent", null);
            kommun.put("aliases", new Object[] {"GBG", null});
            RuleContext context = new RuleContext(null, Map.of("kommun", kommun), null, null);

            RuleOutcome outcome = any("user.kommun").evaluate(context);

            assertThat(outcome.ok()).isTrue();
            assertThat(outcome.value()).isInstanceOf(Map.class);
            Map<?, ?> value = (Map<?, ?>) outcome.value();
            assertThat(value.get("code")).isEqualTo(1480L);
            assertThat(value.get("name")).isEqualTo("Göteborg");
            assertThat(value.get("population")).isEqualTo(604616.0);
            assertThat(value.get("regions")).isEqualTo(List.of("Hisingen", "Centrum"));
            assertThat(value.containsKey("parent")).isTrue();
            assertThat(value.get("parent")).isNull();
            assertThat(value.get("aliases")).isEqualTo(Arrays.asList("GBG", null));
        }

        @Test
        void resultsContainNoCelTypes() {
            RuleOutcome outcome = any("{'n': null, 'l': [1, 2.5, 'x', true, null], 'm': {'k': 1u}}")
                    .evaluate(RuleContext.empty());
            assertThat(outcome.ok()).isTrue();
            Map<?, ?> value = (Map<?, ?>) outcome.value();
            assertThat(value.get("n")).isNull();
            assertThat(value.get("l")).isEqualTo(Arrays.asList(1L, 2.5, "x", true, null));
            assertThat(value.get("m")).isEqualTo(Map.of("k", 1L));
            assertThat(any("null").evaluate(RuleContext.empty())).isEqualTo(RuleOutcome.success(null));
            assertThat(eval(any("answers.a"), answers("a", null)).value()).isNull();
            assertThat(any("timestamp('2024-05-01T00:00:00Z')").evaluate(RuleContext.empty()).value())
                    .isEqualTo("2024-05-01T00:00:00Z");
        }

        @Test
        void unsupportedResultTypesAreErrorOutcomes() {
            RuleOutcome outcome = any("b'abc'").evaluate(RuleContext.empty());
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).contains("Unsupported rule result");
        }

        @Test
        void missingKeyIsAnErrorOutcome() {
            CompiledRule rule = bool("answers.a == 'x'");
            RuleOutcome outcome = eval(rule, answers("other", "x"));
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.isTrue()).isFalse();
            assertThat(outcome.value()).isNull();
            assertThat(outcome.error()).contains("'a'");
            assertThat(rule.evaluate(null).ok()).isFalse();
            assertThat(bool("user.kommun == 'x'").evaluate(RuleContext.empty()).ok()).isFalse();
        }

        @Test
        void hasAndInGuardMissingKeys() {
            CompiledRule rule = bool("has(answers.a) && answers.a == 'x' || 'b' in answers");
            assertThat(eval(rule, answers()).value()).isEqualTo(false);
            assertThat(eval(rule, answers("b", null)).isTrue()).isTrue();
            assertThat(eval(rule, answers("a", "x")).isTrue()).isTrue();
        }

        @Test
        void runtimeTypeErrorsAreErrorOutcomes() {
            RuleOutcome outcome = eval(any("answers.a + 1"), answers("a", "text"));
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).isNotBlank();
        }

        @Test
        void macrosAndStandardFunctionsWork() {
            Map<String, Object> given = answers("tags", List.of("a", "bb", "ccc"), "name", "Anna");
            assertThat(eval(any("answers.tags.filter(t, size(t) > 1).map(t, t + '!')"), given).value())
                    .isEqualTo(List.of("bb!", "ccc!"));
            assertThat(eval(bool("answers.tags.exists_one(t, t == 'a')"), given).isTrue()).isTrue();
            assertThat(eval(bool("answers.tags.all(t, size(t) < 4)"), given).isTrue()).isTrue();
            assertThat(eval(bool("answers.name.startsWith('An') && answers.name.size() == 4"), given).isTrue())
                    .isTrue();
        }
    }

    @Nested
    class CostBounds {

        @Test
        void nestedComprehensionsHitTheIterationLimit() {
            String ten = "[1,2,3,4,5,6,7,8,9,10]";
            CompiledRule rule = any(ten + ".map(a, " + ten + ".map(b, " + ten + ".map(c, a + b + c)))");
            RuleOutcome outcome = rule.evaluate(RuleContext.empty());
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).contains("1000");
        }

        @Test
        void comprehensionOverAHugeInputListHitsTheIterationLimit() {
            CompiledRule rule = bool("answers.values.all(v, v >= 0)");
            List<Object> huge = new ArrayList<>(IntStream.range(0, 5000).boxed().toList());
            assertThat(eval(rule, answers("values", huge)).ok()).isFalse();
            assertThat(eval(rule, answers("values", huge.subList(0, 900))).isTrue()).isTrue();
        }

        @Test
        void theBudgetIsPerEvaluation() {
            CompiledRule rule = bool("answers.values.all(v, v >= 0)");
            Map<String, Object> given = answers("values", IntStream.range(0, 900).boxed().toList());
            for (int i = 0; i < 5; i++) {
                assertThat(eval(rule, given).isTrue()).isTrue();
            }
        }
    }

    @Nested
    class Reuse {

        @Test
        void compiledRulesAreSafeToShareAcrossThreads() throws Exception {
            CompiledRule rule = bool("answers.n % 2 == 0 && answers.n in item.attributes.numbers");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    results.add(pool.submit(() -> rule.evaluate(new RuleContext(answers("n", n), null, null,
                            Map.of("attributes", Map.of("numbers", List.of(n))))).isTrue()));
                }
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).get()).isEqualTo(i % 2 == 0);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void contextReplacesNullMapsWithEmptyOnes() {
            RuleContext context = new RuleContext(null, null, null, null);
            assertThat(context.answers()).isEmpty();
            assertThat(context.user()).isEmpty();
            assertThat(context.subject()).isEmpty();
            assertThat(context.item()).isEmpty();
            assertThat(bool("size(user) == 0 && size(item) == 0").evaluate(context).isTrue()).isTrue();
        }

        @Test
        void outcomeCarriesEitherAValueOrAnError() {
            assertThat(RuleOutcome.success(true).isTrue()).isTrue();
            assertThat(RuleOutcome.error("boom").ok()).isFalse();
            assertThatThrownBy(() -> new RuleOutcome(1, "boom")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Graph {

        @SuppressWarnings("unchecked")
        private static Map<String, Set<String>> graph(Object... nodesAndDeps) {
            Map<String, Set<String>> deps = new LinkedHashMap<>();
            for (int i = 0; i < nodesAndDeps.length; i += 2) {
                deps.put((String) nodesAndDeps[i], (Set<String>) nodesAndDeps[i + 1]);
            }
            return deps;
        }

        @Test
        void independentNodesKeepTheirInsertionOrder() {
            assertThat(RuleGraph.order(graph("c", Set.of(), "a", Set.of(), "b", Set.of())))
                    .containsExactly("c", "a", "b");
        }

        @Test
        void dependenciesComeFirst() {
            Map<String, Set<String>> deps = graph(
                    "visible", Set.of("age", "kommun"),
                    "age", Set.of(),
                    "auto", Set.of("visible"),
                    "kommun", Set.of("unknown-question"),
                    "free", Set.of());
            assertThat(RuleGraph.order(deps)).containsExactly("age", "kommun", "visible", "auto", "free");
        }

        @Test
        void tiesAreBrokenByInsertionOrder() {
            Map<String, Set<String>> deps = graph("a", Set.of("c"), "b", Set.of(), "c", Set.of());
            assertThat(RuleGraph.order(deps)).containsExactly("b", "c", "a");
        }

        @Test
        void detectsACycleAndListsItsPath() {
            Map<String, Set<String>> deps = graph(
                    "start", Set.of(),
                    "a", Set.of("b"),
                    "b", Set.of("c"),
                    "c", Set.of("a", "start"),
                    "d", Set.of("a"));
            assertThatThrownBy(() -> RuleGraph.order(deps))
                    .isInstanceOfSatisfying(RuleCycleException.class,
                            e -> assertThat(e.cycle()).containsExactly("a", "b", "c", "a"))
                    .hasMessageContaining("a -> b -> c -> a");
        }

        @Test
        void selfDependencyIsACycle() {
            assertThatThrownBy(() -> RuleGraph.order(graph("a", Set.of("a"))))
                    .isInstanceOfSatisfying(RuleCycleException.class,
                            e -> assertThat(e.cycle()).containsExactly("a", "a"));
        }

        @Test
        void worksWithDependenciesFromCompiledRules() {
            Map<String, Set<String>> deps = new LinkedHashMap<>();
            deps.put("q1", bool("answers.q2 == 'ja'").answerDependencies());
            deps.put("q2", Set.of());
            deps.put("q3", bool("has(answers.q1) && 'q2' in answers").answerDependencies());
            assertThat(RuleGraph.order(deps)).containsExactly("q2", "q1", "q3");
        }
    }

    @Test
    void anInvalidLiteralPatternOfMatchesIsRefusedAtCompileTime() {
        RuleException e = compileError("answers.namn.matches('[a-z')", RuleResultType.BOOL);
        assertThat(e.code()).isEqualTo("RULE_REGEX");
        assertThat(compileError("matches(answers.namn, '(a)\\\\1')", RuleResultType.BOOL).code())
                .isEqualTo("RULE_REGEX");
        assertThat(compileError("[1].exists(x, answers.namn.matches('*'))", RuleResultType.BOOL).code())
                .isEqualTo("RULE_REGEX");
        // A valid pattern, and a pattern that is not a literal, compile.
        bool("answers.namn.matches('^[A-ZÅÄÖ][a-zåäö]+$')");
        bool("answers.namn.matches(answers.monster)");
    }
}
