package se.placera.shared;

import java.util.List;

/**
 * Issue #11, item 7: every update of a versioned record names the version (revision) it read. Without one it is
 * refused with 428 {@link #VERSION_REQUIRED} rather than overwriting whatever is stored; with a stale one with
 * 409 and the owner's conflict code. The owner's write is then conditional on the same version (a MongoDB
 * {@code @Version} field or a query on it), so of two updates with the same version exactly one wins.
 */
public final class Versions {

    /** 428: an update of a versioned record must say which version it read. */
    public static final String VERSION_REQUIRED = "VERSION_REQUIRED";

    private Versions() {
    }

    /**
     * Checks the version an update was read at against the stored one.
     *
     * @param given        the version the client sent (null: none)
     * @param current      the stored version
     * @param pointer      where the client puts it, e.g. {@code /revision}
     * @param conflictCode the owner's code for a stale version (409)
     */
    public static void check(Long given, Long current, String pointer, String conflictCode) {
        if (given == null) {
            throw required(current, pointer);
        }
        if (!given.equals(current)) {
            throw PlaceraException.conflict(conflictCode, "The record was changed elsewhere (now at "
                    + pointer.substring(1) + " " + current + "). Reload and try again.");
        }
    }

    /** The 428 refusal of an update that does not name the version it read. */
    public static PlaceraException required(Long current, String pointer) {
        return new PlaceraException(PlaceraException.Kind.PRECONDITION_REQUIRED, VERSION_REQUIRED,
                "Send the " + pointer.substring(1) + " you read (field '" + pointer.substring(1)
                        + "' or an If-Match header); the current one is " + current + ".",
                List.of(new Problem(pointer, "required", "The " + pointer.substring(1) + " you read.")));
    }

    /**
     * The version of an {@code If-Match} header ({@code 3}, {@code "3"} or {@code W/"3"}), else {@code fromBody};
     * null when neither is given. A header that is not a number is refused with 400 {@code invalidCode}.
     */
    public static Long fromIfMatch(Long fromBody, String ifMatch, String invalidCode) {
        if (fromBody != null || ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw PlaceraException.invalid(invalidCode, "If-Match must be the version you read.",
                    List.of(new Problem("", "invalid-value", "If-Match must be a version number.")));
        }
    }
}
