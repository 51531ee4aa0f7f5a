package se.placera.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfWriter;

/** Real PDF files for upload tests, written with OpenPDF: plain, encrypted, active; and a PNG that is not one. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A plain one-page PDF. */
    public static byte[] plain(String text) {
        return write(w -> { }, w -> { }, text);
    }

    /**
     * A PDF that needs a password to open: a plain PDF written by OpenPDF with an incremental update that adds the
     * standard security handler (RC4 128, revision 3) to its trailer, as a PDF editor does when it protects a
     * file. (OpenPDF itself encrypts only with BouncyCastle, which is not on the classpath.)
     */
    public static byte[] encrypted() {
        byte[] base = plain("Krypterad");
        try {
            var reader = new com.lowagie.text.pdf.PdfReader(base);
            int next = reader.getXrefSize();
            String root = reader.getTrailer().get(com.lowagie.text.pdf.PdfName.ROOT).toString();
            reader.close();
            String tail = new String(base, java.nio.charset.StandardCharsets.ISO_8859_1);
            String prev = tail.substring(tail.lastIndexOf("startxref") + 9, tail.lastIndexOf("%%EOF")).trim();
            String hex32 = "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A";
            String object = next + " 0 obj\n<</Filter/Standard/V 2/R 3/Length 128/P -3904/O <" + hex32 + ">/U <"
                    + hex32 + ">>>\nendobj\n";
            int xref = base.length + object.length();
            String update = object + "xref\n" + next + " 1\n" + String.format("%010d 00000 n \n", base.length)
                    + "trailer\n<</Size " + (next + 1) + "/Root " + root + "/Encrypt " + next + " 0 R/Prev " + prev
                    + "/ID [<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>]>>\nstartxref\n"
                    + xref + "\n%%EOF\n";
            var out = new ByteArrayOutputStream();
            out.write(base);
            out.write(update.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF opening with a JavaScript action (an {@code /OpenAction} of type JavaScript). */
    public static byte[] withOpenActionJavaScript() {
        return write(w -> { }, w -> w.setOpenAction(PdfAction.javaScript("app.alert('hej');", w)), "Skript");
    }

    /** A PDF with a document-level JavaScript (the {@code /Names /JavaScript} tree). */
    public static byte[] withDocumentJavaScript() {
        return write(w -> { }, w -> w.addJavaScript("app.alert('hej');"), "Skript");
    }

    /** A PDF whose open action launches a program. */
    public static byte[] withLaunchAction() {
        return write(w -> { }, w -> w.setOpenAction(new PdfAction("calc.exe", null, "open", null)), "Start");
    }

    /** A PDF with an embedded file. */
    public static byte[] withEmbeddedFile() {
        return write(w -> { }, w -> {
            try {
                w.addFileAttachment("bilaga", "MZ".getBytes(), null, "program.exe");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, "Bilaga");
    }

    /** A PDF with an open action that only says which page to show (harmless). */
    public static byte[] withGoToOpenAction() {
        return write(w -> { }, w -> w.setOpenAction(PdfAction.gotoLocalPage(1, new com.lowagie.text.pdf.PdfDestination(
                com.lowagie.text.pdf.PdfDestination.FIT), w)), "Sida ett");
    }

    /** The first bytes of a PNG image (renamed .pdf by the uploader). */
    public static byte[] png() {
        byte[] b = new byte[2048];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** A stream of {@code size} bytes that starts like a PDF, generated as it is read; counts what was read. */
    public static final class Endless extends InputStream {
        private final long size;
        private long read;

        public Endless(long size) {
            this.size = size;
        }

        /** The bytes read so far. */
        public long consumed() {
            return read;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                long pos = read + i;
                b[off + i] = pos < 5 ? (byte) "%PDF-".charAt((int) pos) : (byte) ' ';
            }
            read += n;
            return n;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    private static byte[] write(Consumer<PdfWriter> beforeOpen, Consumer<PdfWriter> afterOpen, String text) {
        var out = new ByteArrayOutputStream();
        var doc = new Document();
        PdfWriter w = PdfWriter.getInstance(doc, out);
        beforeOpen.accept(w);
        doc.open();
        afterOpen.accept(w);
        doc.add(new Paragraph(text));
        doc.close();
        return out.toByteArray();
    }
}
