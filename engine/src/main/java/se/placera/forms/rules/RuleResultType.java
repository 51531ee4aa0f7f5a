package se.placera.forms.rules;

/** The result type a rule must have: {@code BOOL} (checked type bool or dyn) or {@code ANY}. */
public enum RuleResultType {
    BOOL,
    ANY
}
