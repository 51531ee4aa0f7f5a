package se.placera.forms.rules;

/** Cost bounds of rules: expression length in code points, comprehension iterations per evaluation, parse depth. */
public record RuleLimits(int maxExpressionLength, int maxComprehensionIterations, int maxNestingDepth) {

    public static final RuleLimits DEFAULTS = new RuleLimits(2000, 1000, 32);

    public RuleLimits {
        if (maxExpressionLength < 1 || maxComprehensionIterations < 1 || maxNestingDepth < 1) {
            throw new IllegalArgumentException("Rule limits must be positive: " + maxExpressionLength + ", "
                    + maxComprehensionIterations + ", " + maxNestingDepth);
        }
    }
}
