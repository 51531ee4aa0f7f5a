package se.placera.forms.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleContext;
import se.placera.forms.rules.RuleOutcome;

/** An automatic answer written as {@code {when, value}}: the value applies only while the condition holds. */
record ConditionalRule(CompiledRule when, CompiledRule value) implements CompiledRule {

    @Override
    public String expression() {
        return when == null ? value.expression() : when.expression() + " ? " + value.expression() + " : null";
    }

    @Override
    public Set<String> answerDependencies() {
        Set<String> deps = new LinkedHashSet<>(value.answerDependencies());
        if (when != null) {
            deps.addAll(when.answerDependencies());
        }
        return deps;
    }

    @Override
    public RuleOutcome evaluate(RuleContext context) {
        if (when != null && !when.evaluate(context).isTrue()) {
            return RuleOutcome.success(null);
        }
        return value.evaluate(context);
    }
}
