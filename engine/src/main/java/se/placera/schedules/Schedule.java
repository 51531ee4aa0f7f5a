package se.placera.schedules;

import java.time.Period;
import java.util.List;

/**
 * One compiled version of a schedule (kind {@code schedule}, see docs/schedules.md).
 *
 * @param offsets    occurrences 0 … n-1 are {@code anchor + offsets[i]}
 * @param repeat     after the last offset, occurrence n-1+k is {@code anchor + last offset + k × repeat} (null: none)
 * @param leadTime   the task opens and the reminder goes this long before the due date
 * @param condition  CEL over the case's facts ({@code subject}), null for every case
 * @param completion {@code reconsideration}, {@code method} or {@code manual}
 */
public record Schedule(String id, int version, String title, String source, Anchor anchor, List<Period> offsets,
        Period repeat, Period leadTime, String condition, String taskTitle, String assignee, String completion,
        String method) {

    public static final Period DEFAULT_LEAD_TIME = Period.ofDays(14);

    /** The date of the case a clock counts from. */
    public enum Anchor {
        PLACEMENT_START("placement-start"), DECISION("decision"), PLACEMENT_END("placement-end"),
        CASE_CREATED("case-created");

        private final String code;

        Anchor(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static java.util.Optional<Anchor> of(String code) {
            for (Anchor a : values()) {
                if (a.code.equals(code)) {
                    return java.util.Optional.of(a);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
