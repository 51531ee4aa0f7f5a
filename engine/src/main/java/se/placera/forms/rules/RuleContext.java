package se.placera.forms.rules;

import java.util.Map;

/** The variables a rule sees: plain Java values (String, numbers, Boolean, List, Map, null); null maps become empty. */
public record RuleContext(Map<String, Object> answers, Map<String, Object> user,
                          Map<String, Object> subject, Map<String, Object> item) {

    private static final RuleContext EMPTY = new RuleContext(null, null, null, null);

    public RuleContext {
        answers = answers == null ? Map.of() : answers;
        user = user == null ? Map.of() : user;
        subject = subject == null ? Map.of() : subject;
        item = item == null ? Map.of() : item;
    }

    public static RuleContext empty() {
        return EMPTY;
    }

    public static RuleContext ofAnswers(Map<String, Object> answers) {
        return new RuleContext(answers, null, null, null);
    }

    /** The same context with {@code item} bound, e.g. to one answer alternative for an option filter. */
    public RuleContext withItem(Map<String, Object> item) {
        return new RuleContext(answers, user, subject, item);
    }

    Map<String, Object> variable(String name) {
        return switch (name) {
            case RuleCompiler.ANSWERS -> answers;
            case RuleCompiler.USER -> user;
            case RuleCompiler.SUBJECT -> subject;
            case RuleCompiler.ITEM -> item;
            default -> throw new IllegalArgumentException("Unknown rule variable: " + name);
        };
    }
}
