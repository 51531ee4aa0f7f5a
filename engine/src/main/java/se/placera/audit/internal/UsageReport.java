package se.placera.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import se.placera.documents.Spreadsheets;
import se.placera.metadata.Definition;
import se.placera.metadata.Metadata;

/**
 * US-6: per user and period, logins by login method and answers entered per method, counted from the audit
 * log (so the report and the log cannot disagree). A submitted response counts as the method answered;
 * saved drafts are counted separately.
 */
@Service
public class UsageReport {

    public record UserUsage(String username, Map<String, Integer> logins, int loginsTotal,
            Map<String, Integer> responsesSubmitted, Map<String, Integer> answersSaved) {
    }

    public record Report(Instant from, Instant to, List<UserUsage> users) {
    }

    private final AuditLog log;
    private final Spreadsheets spreadsheets;
    private final se.placera.security.CurrentUsers currentUsers;
    private final se.placera.security.UserDirectory directory;
    private final Metadata metadata;

    UsageReport(AuditLog log, Spreadsheets spreadsheets, se.placera.security.CurrentUsers currentUsers,
            se.placera.security.UserDirectory directory, Metadata metadata) {
        this.log = log;
        this.spreadsheets = spreadsheets;
        this.currentUsers = currentUsers;
        this.directory = directory;
        this.metadata = metadata;
    }

    /** The login methods in words, as the console shows them. */
    static final Map<String, String> LOGIN_METHODS = Map.of("local", "Användarnamn och lösenord",
            "keycloak", "Keycloak", "basic", "API (HTTP Basic)");

    /** A method's title: of its newest published version, else of its newest version, else its id. */
    String methodTitle(String methodId) {
        try {
            return metadata.latestPublished("method", methodId).map(Definition::title)
                    .orElseGet(() -> metadata.latest("method", methodId).title());
        } catch (RuntimeException unknown) {
            return methodId;
        }
    }

    /**
     * GD-1: the report holds only users the caller administers (the users of their own administrations; all
     * for the system administrator).
     */
    private java.util.function.Predicate<String> administeredUsers() {
        var caller = currentUsers.current();
        Map<String, Boolean> seen = new java.util.HashMap<>();
        return username -> seen.computeIfAbsent(username, u -> directory.byUsername(u)
                .map(a -> caller.administers(a.user().grantedAdministrations().stream()
                        .map(se.placera.security.CurrentUser.Administration::id).toList()))
                .orElse(false));
    }

    public Report report(Instant from, Instant to) {
        Map<String, Acc> byUser = new TreeMap<>();
        var inScope = administeredUsers();
        log.forEach(List.of("login.success", "response.submit", "response.answer"), from, to, e -> {
            if (e.actor == null || !inScope.test(e.actor)) {
                return;
            }
            Acc a = byUser.computeIfAbsent(e.actor, k -> new Acc());
            Map<String, Object> d = e.details == null ? Map.of() : e.details;
            switch (e.action) {
                case "login.success" -> a.logins.merge(text(d, "method", "local"), 1, Integer::sum);
                case "response.submit" -> a.submitted.merge(text(d, "methodId", "?"), 1, Integer::sum);
                case "response.answer" -> a.saved.merge(text(d, "methodId", "?"), 1, Integer::sum);
                default -> { }
            }
        });
        List<UserUsage> users = new ArrayList<>();
        byUser.forEach((u, a) -> users.add(new UserUsage(u, a.logins,
                a.logins.values().stream().mapToInt(Integer::intValue).sum(), a.submitted, a.saved)));
        return new Report(from, to, users);
    }

    private static String text(Map<String, Object> details, String key, String otherwise) {
        Object v = details.get(key);
        return v == null ? otherwise : String.valueOf(v);
    }

    /** The report as a workbook: logins per login method, and answers per method with the method's title. */
    public byte[] xlsx(Report r) {
        List<List<Object>> logins = new ArrayList<>();
        List<List<Object>> answers = new ArrayList<>();
        Map<String, String> titles = new java.util.HashMap<>();
        for (UserUsage u : r.users()) {
            u.logins().forEach((m, n) -> logins.add(List.of(u.username(), LOGIN_METHODS.getOrDefault(m, m), n)));
            var methods = new java.util.TreeSet<String>();
            methods.addAll(u.responsesSubmitted().keySet());
            methods.addAll(u.answersSaved().keySet());
            for (String m : methods) {
                answers.add(List.of(u.username(), titles.computeIfAbsent(m, this::methodTitle), m,
                        u.responsesSubmitted().getOrDefault(m, 0), u.answersSaved().getOrDefault(m, 0)));
            }
        }
        return spreadsheets.write(List.of(
                new Spreadsheets.Sheet("Inloggningar", List.of("Användare", "Inloggningssätt", "Antal"), logins,
                        Map.of("Antal", Spreadsheets.Format.INTEGER), Map.of()),
                new Spreadsheets.Sheet("Besvarade metoder",
                        List.of("Användare", "Metod", "Metodens id", "Inskickade svar", "Sparade ändringar"), answers,
                        Map.of("Inskickade svar", Spreadsheets.Format.INTEGER,
                                "Sparade ändringar", Spreadsheets.Format.INTEGER), Map.of())));
    }

    private static final class Acc {
        final Map<String, Integer> logins = new TreeMap<>();
        final Map<String, Integer> submitted = new TreeMap<>();
        final Map<String, Integer> saved = new TreeMap<>();
    }
}
