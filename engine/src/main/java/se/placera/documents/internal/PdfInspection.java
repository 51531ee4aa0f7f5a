package se.placera.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.lowagie.text.exceptions.BadPasswordException;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.RandomAccessFileOrArray;

import se.placera.documents.AttachmentProblemCodes;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * The content check of a PDF: the magic bytes, a real parse with OpenPDF (from the spool file, random access,
 * never whole in memory), no encryption and nothing active. Active means anything a reader may run or open on
 * its own: JavaScript (actions, name trees, form field scripts), launch, import, submit and remote or embedded
 * go-to actions, additional actions ({@code /AA}, run on open, close, page or field events), embedded files and
 * file attachment annotations, XFA forms, rich media, 3D, movie, sound and screen annotations. A plain
 * {@code /OpenAction} that only says which page to show (a destination or a {@code GoTo}) is harmless and kept.
 * Every object of the cross-reference table is walked (direct children too), so an action hidden in an
 * unreferenced or compressed object is found as well.
 */
final class PdfInspection {

    static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};

    /** Keys whose mere presence makes a document active, with the reason reported. */
    private static final Map<PdfName, String> ACTIVE_KEYS = Map.of(
            PdfName.JS, "javascript",
            PdfName.JAVASCRIPT, "javascript",
            PdfName.AA, "additional-actions",
            PdfName.EMBEDDEDFILES, "embedded-file",
            PdfName.EF, "embedded-file",
            new PdfName("XFA"), "xfa-form",
            new PdfName("RichMediaContent"), "rich-media");

    /** Action types ({@code /S}) that run something or leave the document. */
    private static final Map<PdfName, String> ACTIVE_ACTIONS = Map.of(
            PdfName.JAVASCRIPT, "javascript",
            PdfName.LAUNCH, "launch-action",
            new PdfName("ImportData"), "import-action",
            PdfName.SUBMITFORM, "submit-action",
            new PdfName("GoToE"), "embedded-goto-action",
            PdfName.GOTOR, "remote-goto-action",
            new PdfName("RichMediaExecute"), "rich-media",
            new PdfName("Rendition"), "rendition-action");

    /** Types and annotation subtypes that carry files or players. */
    private static final Map<PdfName, String> ACTIVE_TYPES = Map.of(
            PdfName.EMBEDDEDFILE, "embedded-file",
            PdfName.FILEATTACHMENT, "embedded-file",
            new PdfName("RichMedia"), "rich-media",
            new PdfName("3D"), "3d",
            new PdfName("Screen"), "rich-media",
            new PdfName("Movie"), "rich-media",
            PdfName.SOUND, "rich-media");

    private static final int MAX_DEPTH = 64;

    private PdfInspection() {
    }

    /** What a checked PDF is: its number of pages. */
    record Checked(int pages) {
    }

    /** Checks a spooled file; throws the problem of the first check that fails. */
    static Checked check(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (!startsWithMagic(in.readNBytes(MAGIC.length))) {
                throw notPdf("The file is not a PDF.");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            int n = (int) Math.min(TAIL, size);
            var tail = java.nio.ByteBuffer.allocate(n);
            channel.read(tail, size - n);
            if (!hasTrailer(tail.array())) {
                throw notPdf("The file has no PDF trailer at its end.");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            // Memory-mapped random access (the operating system pages the file in; the heap never holds it);
            // partial: objects are read on demand. Not plain RandomAccessFile: OpenPDF reads it byte by byte.
            return inspect(new RandomAccessFileOrArray(file.toString(), false, false));
        } catch (IOException e) {
            throw notPdf("The file starts like a PDF but cannot be read as one.");
        }
    }

    /**
     * How far from the end {@code startxref} must be. Readers expect it in the last 1,024 bytes; more room for
     * trailing junk some writers add. Without it OpenPDF would scan the whole file backwards for it.
     */
    static final int TAIL = 8 * 1024;

    static boolean hasTrailer(byte[] tail) {
        return new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1).contains("startxref");
    }

    /** The check of {@link #check(Path)} for bytes already in memory (small files kept by their callers). */
    static Checked check(byte[] content) {
        if (content == null || !startsWithMagic(java.util.Arrays.copyOf(content, Math.min(content.length,
                MAGIC.length)))) {
            throw notPdf("The file is not a PDF.");
        }
        if (!hasTrailer(java.util.Arrays.copyOfRange(content, Math.max(0, content.length - TAIL), content.length))) {
            throw notPdf("The file has no PDF trailer at its end.");
        }
        return inspect(new RandomAccessFileOrArray(content));
    }

    private static Checked inspect(RandomAccessFileOrArray source) {
        PdfReader reader;
        try {
            reader = new PdfReader(source, null);
        } catch (BadPasswordException e) {
            throw encrypted();
        } catch (LinkageError e) {
            // OpenPDF sets up decryption only for a trailer with /Encrypt, and that set-up needs BouncyCastle,
            // which is deliberately not on the classpath (nothing here decrypts): an encrypted PDF ends here.
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            throw notPdf("The file starts like a PDF but cannot be read as one.");
        }
        try {
            if (reader.isEncrypted() || reader.getTrailer().get(PdfName.ENCRYPT) != null) {
                throw encrypted();
            }
            int pages = reader.getNumberOfPages();
            if (pages < 1) {
                throw notPdf("The PDF has no pages.");
            }
            Set<String> reasons = new LinkedHashSet<>();
            walk(reader.getTrailer(), reasons, 0);
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject o;
                try {
                    o = reader.getPdfObjectRelease(i);
                } catch (RuntimeException e) {
                    throw notPdf("The file starts like a PDF but cannot be read as one.");
                }
                walk(o, reasons, 0);
            }
            if (!reasons.isEmpty()) {
                List<Problem> problems = new ArrayList<>();
                for (String r : reasons) {
                    problems.add(new Problem("", r, "The PDF contains active content (" + r + ")."));
                }
                throw new PlaceraException(PlaceraException.Kind.UNPROCESSABLE, AttachmentProblemCodes.ACTIVE_CONTENT,
                        "The PDF contains active content (scripts, actions or embedded files); save or print it "
                                + "as a plain PDF and upload that.", problems);
            }
            return new Checked(pages);
        } finally {
            reader.close();
        }
    }

    static boolean startsWithMagic(byte[] head) {
        return head.length >= MAGIC.length && java.util.Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Collects the reasons an object (and its direct children; indirect ones are walked on their own) is active. */
    private static void walk(PdfObject o, Set<String> reasons, int depth) {
        if (o == null || depth > MAX_DEPTH) {
            return;
        }
        if (o.isDictionary() || o.isStream()) {
            PdfDictionary d = (PdfDictionary) o;
            for (PdfName key : d.getKeys()) {
                String reason = ACTIVE_KEYS.get(key);
                if (reason != null) {
                    reasons.add(reason);
                }
                PdfObject value = d.get(key);
                if (value != null && value.isName()) {
                    if (PdfName.S.equals(key) && ACTIVE_ACTIONS.containsKey(value)) {
                        reasons.add(ACTIVE_ACTIONS.get(value));
                    } else if ((PdfName.TYPE.equals(key) || PdfName.SUBTYPE.equals(key))
                            && ACTIVE_TYPES.containsKey(value)) {
                        reasons.add(ACTIVE_TYPES.get(value));
                    }
                } else {
                    walk(value, reasons, depth + 1);
                }
            }
        } else if (o.isArray()) {
            for (PdfObject e : ((PdfArray) o).getElements()) {
                walk(e, reasons, depth + 1);
            }
        }
    }

    private static PlaceraException encrypted() {
        return new PlaceraException(PlaceraException.Kind.UNPROCESSABLE, AttachmentProblemCodes.ENCRYPTED,
                "The PDF is encrypted or password protected; upload it without protection.",
                List.of(new Problem("", "encrypted", "The PDF is encrypted.")));
    }

    static PlaceraException notPdf(String message) {
        return new PlaceraException(PlaceraException.Kind.UNSUPPORTED_MEDIA_TYPE, AttachmentProblemCodes.NOT_PDF,
                message + " Only PDF files are accepted.", List.of(new Problem("", "not-pdf", message)));
    }
}
