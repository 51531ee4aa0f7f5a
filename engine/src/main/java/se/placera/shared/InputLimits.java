package se.placera.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one place where the sizes of input are decided (issue #11, item 5). Request records reference these
 * constants in their Bean Validation annotations ({@code @Size(max = InputLimits.NAME)}); the request-size
 * filter and the upload endpoints use the byte limits. The sizes are generous for a Swedish municipality's
 * data (the longest unit name in the national registers is under 120 characters) and small enough that no
 * record can grow past what an Excel cell (32,767 characters) or a list page can carry. The table in
 * {@code docs/security.md} ("Input limits") mirrors this class.
 */
public final class InputLimits {

    /** Identifiers, codelist values, usernames, version tags: {@value} characters. */
    public static final int ID = 100;
    /** Names and titles (unit, provider, person, agreement): {@value} characters. */
    public static final int NAME = 200;
    /** Short texts: addresses, phone numbers, e-mail, municipality, locality, category: {@value} characters. */
    public static final int SHORT_TEXT = 500;
    /** Free text (inriktning, a price note, a deviation's description): {@value} characters. */
    public static final int TEXT = 4_000;
    /** Long free text (a form's text answer without its own {@code maxLength}): {@value} characters. */
    public static final int LONG_TEXT = 10_000;
    /** Passwords (BCrypt reads 72 bytes; longer is refused rather than hashed for nothing): {@value} chars. */
    public static final int PASSWORD = 200;
    /** Lists of codes or ids on one record (target groups, needs, price periods): {@value} items. */
    public static final int LIST = 100;
    /** Long lists in one request (unit ids to compare, answers of one form): {@value} items. */
    public static final int LONG_LIST = 1_000;

    /** Largest JSON (or other text) request body: {@value} bytes. Metadata bundles are the largest (~0.5 MB). */
    public static final long JSON_BODY_BYTES = 4L * 1024 * 1024;
    /** Largest binary request body (Excel import 20 MB, documents 10 MB, plus multipart overhead): {@value}. */
    public static final long UPLOAD_BODY_BYTES = 25L * 1024 * 1024;

    private InputLimits() {
    }

    /**
     * Reads a stream into memory, refusing (with {@link PlaceraException.Kind#TOO_LARGE}) as soon as more than
     * {@code max} bytes arrive: never more than {@code max + 1} bytes are held.
     */
    public static byte[] readAtMost(InputStream in, long max, String code, String what) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(code, what + " is larger than " + describe(max) + ".");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 413 failure: the request (or a file in it) is larger than allowed. */
    public static PlaceraException tooLarge(String code, String message) {
        return new PlaceraException(PlaceraException.Kind.TOO_LARGE, code, message);
    }

    /** "10 MB" or "512 kB" or "100 bytes". */
    public static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " kB";
        }
        return bytes + " bytes";
    }
}
