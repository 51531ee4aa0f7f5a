package se.placera.shared;

/**
 * One problem with one field of a request, addressed by an RFC 6901 JSON pointer into the request body.
 *
 * @param pointer JSON pointer, e.g. {@code /answers/placeringsform}
 * @param code    stable, machine-readable code, e.g. {@code required}, {@code schema.enum}
 * @param detail  human-readable explanation (English; the UI maps codes to its own texts)
 */
public record Problem(String pointer, String code, String detail) {

    public static String pointer(String... segments) {
        var sb = new StringBuilder();
        for (String s : segments) {
            sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
