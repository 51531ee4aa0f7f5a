package se.placera.forms.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A compiled rule backed by a reusable, thread-safe CEL program. */
final class CelCompiledRule implements CompiledRule {

    private final String expression;
    private final RuleResultType expected;
    private final Set<String> answerDependencies;
    private final String[] variables;
    private final CelRuntime.Program program;
    private final String[] dependencyArray;
    /** The same expression compiled to Java nodes, or null when it uses a construct only CEL evaluates. */
    private final DirectRule direct;

    CelCompiledRule(String expression, RuleResultType expected, Set<String> answerDependencies,
                    Set<String> variables, CelRuntime.Program program, DirectRule direct) {
        this.expression = expression;
        this.expected = expected;
        this.answerDependencies = answerDependencies;
        this.variables = variables.toArray(String[]::new);
        this.program = program;
        this.dependencyArray = answerDependencies.toArray(String[]::new);
        this.direct = direct;
    }

    /** Whether the rule has a direct form (it still falls back to CEL for values it cannot decide). */
    boolean hasDirectForm() {
        return direct != null;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public Set<String> answerDependencies() {
        return answerDependencies;
    }

    @Override
    public RuleOutcome evaluate(RuleContext context) {
        RuleContext given = context == null ? RuleContext.empty() : context;
        if (direct != null) {
            RuleOutcome outcome = evaluateDirect(given);
            if (outcome != null) {
                return outcome;
            }
        }
        return evaluateWithCel(given);
    }

    /** The direct evaluation, or null when it fell back (or the rule has no direct form): then CEL decides. */
    RuleOutcome evaluateDirect(RuleContext given) {
        if (direct == null) {
            return null;
        }
        try {
            Object value = direct.evaluate(given);
            if (expected == RuleResultType.BOOL && !(value instanceof Boolean)) {
                return null; // CEL words the error
            }
            return RuleOutcome.success(value instanceof Boolean || value instanceof String || value == null
                    ? value : CelValues.fromCel(CelValues.toCel(value)));
        } catch (DirectRule.Fallback | CelValues.UnsupportedResult e) {
            return null;
        }
    }

    /** The CEL interpreter's evaluation: the reference, and the path for everything the direct form leaves. */
    RuleOutcome evaluateWithCel(RuleContext given) {
        try {
            // Only the variables the rule reads are converted and bound (by a resolver: no activation map to copy).
            Object[] values = new Object[variables.length];
            for (int i = 0; i < variables.length; i++) {
                Map<String, Object> value = given.variable(variables[i]);
                // Dependencies are static, so only the answers the rule reads need converting.
                values[i] = RuleCompiler.ANSWERS.equals(variables[i]) ? answersSubset(value) : CelValues.toCel(value);
            }
            Object result = CelValues.fromCel(program.eval(new Bindings(values)));
            if (expected == RuleResultType.BOOL && !(result instanceof Boolean)) {
                return RuleOutcome.error("The rule must yield a bool but yielded "
                        + (result == null ? "null" : result.getClass().getSimpleName() + " " + result));
            }
            return RuleOutcome.success(result);
        } catch (CelEvaluationException | CelValues.UnsupportedResult e) {
            return RuleOutcome.error(e.getMessage());
        } catch (RuntimeException e) {
            return RuleOutcome.error("Evaluation failed: " + e);
        }
    }

    /** The converted variables of one evaluation; names the rule does not read resolve to nothing. */
    private final class Bindings implements CelVariableResolver {

        private final Object[] values;

        Bindings(Object[] values) {
            this.values = values;
        }

        @Override
        public Optional<Object> find(String name) {
            for (int i = 0; i < variables.length; i++) {
                if (variables[i].equals(name)) {
                    return Optional.of(values[i]);
                }
            }
            return Optional.empty();
        }
    }

    private Map<Object, Object> answersSubset(Map<String, Object> answers) {
        if (dependencyArray.length == 1) {
            // The common case (option filters run once per alternative): a one-entry map, no hash table.
            String id = dependencyArray[0];
            Object value = answers.get(id);
            return value != null || answers.containsKey(id) ? Map.of(id, CelValues.toCel(value)) : Map.of();
        }
        Map<Object, Object> subset = new HashMap<>(Math.max(4, dependencyArray.length * 2));
        for (String id : dependencyArray) {
            Object value = answers.get(id);
            if (value != null || answers.containsKey(id)) {
                subset.put(id, CelValues.toCel(value));
            }
        }
        return subset;
    }

    @Override
    public String toString() {
        return "CompiledRule[" + expression + "]";
    }
}
