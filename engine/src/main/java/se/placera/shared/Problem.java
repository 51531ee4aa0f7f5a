package se.placera.shared;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one field of a request, addressed by an RFC 6901 JSON pointer into the request body.
 *
 * @param pointer JSON pointer, e.g. {@code /answers/placeringsform}
 * @param code    stable, machine-readable code, e.g. {@code required}, {@code schema.enum}
 * @param detail  human-readable explanation (English; the UI maps codes to its own texts)
 * @param params  what the UI's text for the code needs, e.g. the refused {@code value}; empty for most codes
 */
public record Problem(String pointer, String code, String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> params) {

    public Problem {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public Problem(String pointer, String code, String detail) {
        this(pointer, code, detail, Map.of());
    }

    public static String pointer(String... segments) {
        var sb = new StringBuilder();
        for (String s : segments) {
            sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
