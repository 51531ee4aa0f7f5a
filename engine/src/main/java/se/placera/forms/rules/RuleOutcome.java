package se.placera.forms.rules;

/** The result of evaluating a rule: a plain Java value, or an error message (then the value is null). */
public record RuleOutcome(Object value, String error) {

    public RuleOutcome {
        if (error != null && value != null) {
            throw new IllegalArgumentException("A failed outcome carries no value");
        }
    }

    public static RuleOutcome success(Object value) {
        return new RuleOutcome(value, null);
    }

    public static RuleOutcome error(String message) {
        return new RuleOutcome(null, message == null ? "evaluation failed" : message);
    }

    public boolean ok() {
        return error == null;
    }

    public boolean isTrue() {
        return ok() && Boolean.TRUE.equals(value);
    }
}
