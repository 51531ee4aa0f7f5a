package se.placera.schedules.internal;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleException;
import se.placera.forms.rules.RuleResultType;
import se.placera.schedules.Schedule;
import se.placera.shared.Problem;

/**
 * Compiles a schedule definition (already valid by its meta-schema) and reports what would make it wrong, each
 * with a JSON pointer: an unknown anchor, an offset, repeat or lead time that is not a period (or negative, or
 * offsets not increasing, or a repeat of zero), a condition that does not type-check over the case or reads form
 * answers, an unknown method, or a method clock without a method.
 */
@Component
class ScheduleCompiler {

    private static final Pattern FORM_VARIABLES = Pattern.compile("\\b(answers|item)\\b");
    private static final Pattern PERIOD = Pattern.compile("^P(?:\\d{1,4}Y)?(?:\\d{1,4}M)?(?:\\d{1,4}W)?(?:\\d{1,5}D)?$");

    private final RuleCompiler rules;

    ScheduleCompiler(RuleCompiler rules) {
        this.rules = rules;
    }

    record Result(Schedule schedule, List<Problem> problems) {
    }

    Result compile(JsonNode content, int version, Predicate<String> methodExists) {
        List<Problem> problems = new ArrayList<>();
        String anchorCode = text(content, "anchor");
        Schedule.Anchor anchor = Schedule.Anchor.of(anchorCode).orElse(null);
        if (anchor == null) {
            problems.add(new Problem("/anchor", "schedule.unknown-anchor", "Unknown anchor '" + anchorCode
                    + "'; one of placement-start, decision, placement-end, case-created."));
        }
        List<Period> offsets = new ArrayList<>();
        JsonNode list = content.path("offsets");
        int previous = -1;
        for (int i = 0; i < list.size(); i++) {
            Period p = period(list.get(i).asString(), "/offsets/" + i, "schedule.bad-offset", problems);
            if (p != null) {
                int approx = approxDays(p);
                if (approx <= previous) {
                    problems.add(new Problem("/offsets/" + i, "schedule.offsets-not-increasing",
                            "Each offset must be later than the one before it."));
                }
                previous = approx;
                offsets.add(p);
            }
        }
        Period repeat = null;
        if (content.has("repeat")) {
            repeat = period(text(content, "repeat"), "/repeat", "schedule.bad-repeat", problems);
            if (repeat != null && repeat.isZero()) {
                problems.add(new Problem("/repeat", "schedule.bad-repeat", "A repeat must be longer than zero."));
                repeat = null;
            }
        }
        Period lead = Schedule.DEFAULT_LEAD_TIME;
        if (content.has("leadTime")) {
            lead = period(text(content, "leadTime"), "/leadTime", "schedule.bad-lead-time", problems);
        }
        String condition = text(content, "condition");
        if (condition != null) {
            try {
                CompiledRule rule = rules.compile(condition, RuleResultType.BOOL);
                if (!rule.answerDependencies().isEmpty() || FORM_VARIABLES.matcher(condition).find()) {
                    problems.add(new Problem("/condition", "schedule.condition-reads-answers", "A schedule's "
                            + "condition reads the case's facts (subject), not form answers or items."));
                }
            } catch (RuleException e) {
                problems.add(new Problem("/condition", e.code().toLowerCase(Locale.ROOT).replace('_', '.'), e.detail()));
            }
        }
        JsonNode task = content.path("task");
        String completion = text(task, "completion");
        String method = text(content, "method");
        if (method != null && !methodExists.test(method)) {
            problems.add(new Problem("/method", "schedule.unknown-method", "There is no published method '" + method + "'."));
        }
        if ("method".equals(completion) && method == null) {
            problems.add(new Problem("/method", "schedule.method-required",
                    "A clock done by a method (task.completion = method) names the method."));
        }
        if (!problems.isEmpty() || anchor == null) {
            return new Result(null, problems);
        }
        return new Result(new Schedule(text(content, "id"), version, text(content, "title"), text(content, "source"),
                anchor, List.copyOf(offsets), repeat, lead, condition, text(task, "title"), text(task, "assignee"),
                completion, method), problems);
    }

    /** A non-negative ISO-8601 period of years, months, weeks and days; null (with a problem) otherwise. */
    private static Period period(String value, String pointer, String code, List<Problem> problems) {
        if (value == null || !PERIOD.matcher(value).matches()) {
            problems.add(new Problem(pointer, code, "'" + bounded(value) + "' is not a period such as P6M, P2M, P14D or P1Y."));
            return null;
        }
        try {
            return Period.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(pointer, code, "'" + bounded(value) + "' is not a period such as P6M, P14D."));
            return null;
        }
    }

    private static int approxDays(Period p) {
        return p.getYears() * 366 + p.getMonths() * 31 + p.getDays();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
