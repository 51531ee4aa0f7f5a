package se.placera.shared.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * Turns Jackson's and Bean Validation's failures into {@link Problem}s: a JSON pointer to the field, a stable
 * code, and a detail of our own. Jackson's messages are never passed on: they name Java classes
 * ({@code UserService$UserRequest}) and may quote the input.
 *
 * <p>Codes: {@code unknown-property}, {@code duplicate-key}, {@code type} (wrong JSON type or a value that
 * does not parse, such as {@code 1.9} or {@code "12"} for an integer), {@code syntax} (not JSON),
 * {@code required} (a missing body), and from Bean Validation {@code size}, {@code required}, {@code pattern},
 * {@code min}, {@code max}, {@code email}, {@code invalid}.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static PlaceraException domainCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PlaceraException p) {
                return p;
            }
        }
        return null;
    }

    static Problem of(HttpMessageNotReadableException ex) {
        JacksonException j = null;
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JacksonException je) {
                j = je;
                break;
            }
        }
        if (j == null) {
            return new Problem("", "required", "A request body is required.");
        }
        String pointer = pointer(j.getPath());
        if (j instanceof UnrecognizedPropertyException u) {
            return new Problem(pointer, "unknown-property", "Unknown property '" + u.getPropertyName() + "'.");
        }
        if (j instanceof InvalidFormatException f) {
            return new Problem(pointer, "type", "Expected " + describe(f.getTargetType()) + ".");
        }
        if (j instanceof MismatchedInputException m) {
            return new Problem(pointer, "type", "Expected " + describe(m.getTargetType()) + ".");
        }
        String original = j.getOriginalMessage() == null ? "" : j.getOriginalMessage();
        if (j instanceof StreamReadException && original.startsWith("Duplicate Object property")) {
            int q1 = original.indexOf('"');
            int q2 = q1 < 0 ? -1 : original.indexOf('"', q1 + 1);
            String name = q2 > q1 ? original.substring(q1 + 1, q2) : "";
            String parent = pointer;
            if (parent.endsWith("/" + escape(name))) {
                parent = parent.substring(0, parent.length() - escape(name).length() - 1);
            }
            return new Problem(parent + "/" + escape(name), "duplicate-key",
                    "The property '" + name + "' is given twice.");
        }
        if (j instanceof StreamReadException s) {
            var loc = s.getLocation();
            return new Problem(pointer, "syntax", loc == null ? "The body is not valid JSON."
                    : "The body is not valid JSON (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ").");
        }
        return new Problem(pointer, "malformed", "The value does not have the expected shape.");
    }

    static String pointer(Collection<JacksonException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                sb.append('/').append(escape(r.getPropertyName()));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    /** What a value should have been, in JSON's words, without naming a Java class. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** {@code units[3].name} → {@code /units/3/name}; {@code answers[q1]} → {@code /answers/q1}. */
    static String pointerOfField(String field) {
        StringBuilder sb = new StringBuilder();
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            String head = bracket < 0 ? part : part.substring(0, bracket);
            if (!head.isEmpty()) {
                sb.append('/').append(escape(head));
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    break;
                }
                sb.append('/').append(escape(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return sb.toString();
    }

    private static final Map<String, String> CODES = Map.of("Size", "size", "NotBlank", "required", "NotNull",
            "required", "NotEmpty", "required", "Pattern", "pattern", "Min", "min", "Max", "max", "Email", "email",
            "PositiveOrZero", "min", "Positive", "min");

    static String constraintCode(String constraint) {
        return constraint == null ? "invalid" : CODES.getOrDefault(constraint, "invalid");
    }

    /** An English detail; Hibernate Validator's own message follows the server's locale. */
    static String constraintDetail(String constraint, Object[] args, String fallback) {
        if (constraint == null) {
            return String.valueOf(fallback);
        }
        return switch (constraint) {
            case "Size" -> args != null && args.length >= 3
                    ? "Must have at most " + args[1] + (((Number) args[2]).intValue() > 0
                            ? " and at least " + args[2] : "") + " characters or items."
                    : "Too long or too many.";
            case "NotBlank", "NotNull", "NotEmpty" -> "Required.";
            case "Pattern" -> "Does not have the expected format.";
            case "Min", "PositiveOrZero", "Positive" -> "Too small.";
            case "Max" -> "Too large.";
            case "Email" -> "Not an e-mail address.";
            default -> String.valueOf(fallback).toLowerCase(Locale.ROOT).contains("se.placera")
                    ? "Invalid value." : String.valueOf(fallback);
        };
    }
}
