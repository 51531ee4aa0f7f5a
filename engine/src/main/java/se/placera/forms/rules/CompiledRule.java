package se.placera.forms.rules;

import java.util.Set;

/** A parsed and type-checked rule, safe to evaluate many times from many threads. */
public interface CompiledRule {

    String expression();

    /** Question ids this rule reads: every {@code answers.X}, {@code answers["X"]}, {@code has(answers.X)}, {@code "X" in answers}. */
    Set<String> answerDependencies();

    /** Evaluates; never throws for missing data — returns {@link RuleOutcome#error(String)} instead. */
    RuleOutcome evaluate(RuleContext context);
}
