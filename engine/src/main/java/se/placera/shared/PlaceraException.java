package se.placera.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain failure with a stable error code. Knows nothing of HTTP: the web advice maps each {@link Kind}
 * to a status and renders RFC 9457 problem details with the {@link #problems()} as JSON pointers.
 */
public class PlaceraException extends RuntimeException {

    /**
     * What went wrong, in terms the web layer maps to a status. {@code TOO_LARGE}: the input is larger than
     * {@link InputLimits} allow; {@code PRECONDITION_REQUIRED}: an update did not say which version it read;
     * {@code UNSUPPORTED_MEDIA_TYPE}: a file is not of the kind accepted (its content, not its name, decides);
     * {@code UNPROCESSABLE}: a file of the right kind that is refused for what it holds (an encrypted PDF).
     */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_LARGE, PRECONDITION_REQUIRED,
            UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE }

    private final Kind kind;
    private final String code;
    private final List<Problem> problems;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public PlaceraException(Kind kind, String code, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public PlaceraException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public static PlaceraException invalid(String code, String message, List<Problem> problems) {
        return new PlaceraException(Kind.INVALID, code, message, problems);
    }

    public static PlaceraException notFound(String code, String message) {
        return new PlaceraException(Kind.NOT_FOUND, code, message);
    }

    public static PlaceraException conflict(String code, String message) {
        return new PlaceraException(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Adds a member to the problem details (e.g. the verbs a case allows now); returns this exception. */
    public PlaceraException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Extra members of the problem details, beyond {@code code} and {@code errors}. */
    public Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }
}
