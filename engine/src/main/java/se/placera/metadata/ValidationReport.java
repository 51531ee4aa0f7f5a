package se.placera.metadata;

import java.util.List;

import se.placera.shared.Problem;

/**
 * The outcome of checking a definition: {@code errors} from the meta-schema (always blocking) and from the
 * kind's hooks (blocking on publish), {@code warnings} never blocking.
 */
public record ValidationReport(boolean valid, List<Problem> errors, List<Problem> warnings) {

    public static ValidationReport of(List<Problem> errors, List<Problem> warnings) {
        return new ValidationReport(errors.isEmpty(), List.copyOf(errors), List.copyOf(warnings));
    }
}
