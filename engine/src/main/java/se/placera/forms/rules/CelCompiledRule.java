package se.placera.forms.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A compiled rule backed by a reusable, thread-safe CEL program. */
final class CelCompiledRule implements CompiledRule {

    private final String expression;
    private final RuleResultType expected;
    private final Set<String> answerDependencies;
    private final String[] variables;
    private final CelRuntime.Program program;
    private final String[] dependencyArray;

    CelCompiledRule(String expression, RuleResultType expected, Set<String> answerDependencies,
                    Set<String> variables, CelRuntime.Program program) {
        this.expression = expression;
        this.expected = expected;
        this.answerDependencies = answerDependencies;
        this.variables = variables.toArray(String[]::new);
        this.program = program;
        this.dependencyArray = answerDependencies.toArray(String[]::new);
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
        Map<String, Object> activation = new HashMap<>(8);
        try {
            // Only the variables the rule reads are converted and bound.
            for (String variable : variables) {
                Map<String, Object> value = given.variable(variable);
                if (RuleCompiler.ANSWERS.equals(variable)) {
                    // Dependencies are static, so only the answers the rule reads need converting.
                    activation.put(variable, answersSubset(value));
                } else {
                    activation.put(variable, CelValues.toCel(value));
                }
            }
            Object result = CelValues.fromCel(program.eval(activation));
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

    private Map<Object, Object> answersSubset(Map<String, Object> answers) {
        Map<Object, Object> subset = new HashMap<>(Math.max(4, dependencyArray.length * 2));
        for (String id : dependencyArray) {
            if (answers.containsKey(id)) {
                subset.put(id, CelValues.toCel(answers.get(id)));
            }
        }
        return subset;
    }

    @Override
    public String toString() {
        return "CompiledRule[" + expression + "]";
    }
}
