package se.placera.users.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import se.placera.shared.Problem;

/**
 * The password policy (US-3), after NIST SP 800-63B: long enough, not a known weak password, not made of the
 * user's own name, no composition rules. Problems point at {@code /password}.
 */
public final class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password", "lösenord", "losenord", "123456", "qwerty",
            "sommar", "vinter", "hosten", "våren", "placera", "welcome", "välkommen", "letmein", "admin");

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    public List<Problem> check(String password, String... personal) {
        List<Problem> problems = new ArrayList<>();
        String p = password == null ? "" : password;
        int length = p.codePointCount(0, p.length());
        if (length < minLength) {
            problems.add(new Problem("/password", "password.too-short",
                    "The password must have at least " + minLength + " characters."));
        }
        if (length > MAX_LENGTH) {
            problems.add(new Problem("/password", "password.too-long",
                    "The password may have at most " + MAX_LENGTH + " characters."));
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (!p.isEmpty() && p.codePoints().distinct().count() <= 2) {
            problems.add(new Problem("/password", "password.repetitive", "The password repeats too few characters."));
        }
        String stripped = lower.replaceAll("[^\\p{L}]", "");
        if (COMMON.stream().anyMatch(c -> stripped.equals(c) || lower.startsWith(c) && length < minLength + 4)) {
            problems.add(new Problem("/password", "password.common", "The password is too common."));
        }
        for (String s : personal) {
            if (s != null && s.length() >= 3 && lower.contains(s.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem("/password", "password.personal",
                        "The password must not contain your name, user name or e-mail address."));
                break;
            }
        }
        return problems;
    }
}
