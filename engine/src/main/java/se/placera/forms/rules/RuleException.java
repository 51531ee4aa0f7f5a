package se.placera.forms.rules;

/** A rule that cannot be compiled, with a stable {@link #code()} and a human-readable {@link #detail()}. */
public final class RuleException extends RuntimeException {

    public static final String SYNTAX = "RULE_SYNTAX";
    public static final String TYPE = "RULE_TYPE";
    public static final String RESULT_TYPE = "RULE_RESULT_TYPE";
    public static final String TOO_LONG = "RULE_TOO_LONG";
    /** Nesting deeper than {@link RuleLimits#maxNestingDepth()} (the parser's recursion limit). */
    public static final String TOO_DEEP = "RULE_TOO_DEEP";
    public static final String DYNAMIC_ANSWER_ACCESS = "RULE_DYNAMIC_ANSWER_ACCESS";
    /** A {@code matches} call with a literal pattern that is not a valid (RE2) regular expression. */
    public static final String REGEX = "RULE_REGEX";

    private final String code;
    private final String detail;

    public RuleException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
