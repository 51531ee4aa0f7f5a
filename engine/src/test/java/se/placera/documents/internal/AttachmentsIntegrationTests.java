package se.placera.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.placera.documents.Attachment;
import se.placera.documents.AttachmentProblemCodes;
import se.placera.documents.Attachments;
import se.placera.documents.AttachmentsProperties;
import se.placera.shared.PlaceraException;
import se.placera.support.AppIntegrationTest;
import se.placera.support.TestPdfs;

/**
 * PDF attachments in GridFS on the embedded database: real PDFs written with OpenPDF are stored, read back and
 * deleted per owner; a PNG named .pdf, a broken, an encrypted, an active and an oversized file are refused with
 * their problem codes, and nothing of them is stored or left in the spool folder.
 */
@AppIntegrationTest
class AttachmentsIntegrationTests {

    @Autowired
    Attachments attachments;
    @Autowired
    MongoDatabaseFactory factory;
    @Autowired
    MongoConverter converter;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Environment environment;

    private static String owner() {
        return "test:" + UUID.randomUUID();
    }

    private Path spool() {
        return ((GridFsAttachments) attachments).spool();
    }

    @Test
    void aPdfIsStoredReadBackListedAndDeletedOnlyByItsOwner() throws IOException {
        String owner = owner();
        byte[] pdf = TestPdfs.plain("IVO-tillstånd för Solgården");
        Attachment a = attachments.store(owner, "C:\\Users\\x\\ivo\"tillstand\".pdf", new ByteArrayInputStream(pdf),
                pdf.length, "utforare");
        assertThat(a.filename()).isEqualTo("ivo_tillstand_.pdf");
        assertThat(a.size()).isEqualTo(pdf.length);
        assertThat(a.pages()).isEqualTo(1);
        assertThat(a.contentType()).isEqualTo("application/pdf");
        assertThat(a.sha256()).hasSize(64);
        assertThat(attachments.get(owner, a.id())).isEqualTo(a);
        assertThat(attachments.list(owner)).containsExactly(a);
        try (InputStream in = attachments.open(owner, a.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        // Stored in GridFS chunks, not as one document.
        assertThat(mongo.count(Query.query(Criteria.where("files_id").is(a.id())), "attachments.chunks"))
                .isGreaterThanOrEqualTo(1);

        // Another owner sees nothing of it, and cannot delete it.
        String other = owner();
        assertNotFound(() -> attachments.get(other, a.id()));
        assertNotFound(() -> attachments.open(other, a.id()));
        assertNotFound(() -> { attachments.delete(other, a.id()); return null; });
        assertThat(attachments.list(other)).isEmpty();

        attachments.delete(owner, a.id());
        assertNotFound(() -> attachments.get(owner, a.id()));
        assertThat(attachments.list(owner)).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("files_id").is(a.id())), "attachments.chunks")).isZero();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aPngNamedPdfIsNotAPdf() {
        refused(TestPdfs.png(), 415, AttachmentProblemCodes.NOT_PDF, "not-pdf");
    }

    @Test
    void somethingThatOnlyStartsLikeAPdfIsNotAPdf() {
        refused("%PDF-1.7\nnichts als Rauschen\n".repeat(100).getBytes(), 415, AttachmentProblemCodes.NOT_PDF,
                "not-pdf");
    }

    /** Megabytes of junk between a PDF header and a trailer: OpenPDF rebuilds the cross-reference and gives up. */
    @Test
    void aLargeBrokenPdfIsNotAPdf() {
        byte[] junk = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(junk, (byte) 'x');
        byte[] head = "%PDF-1.7\n".getBytes();
        byte[] tail = "\nstartxref\n4711\n%%EOF\n".getBytes();
        System.arraycopy(head, 0, junk, 0, head.length);
        System.arraycopy(tail, 0, junk, junk.length - tail.length, tail.length);
        refused(junk, 415, AttachmentProblemCodes.NOT_PDF, "not-pdf");
    }

    @Test
    void anEncryptedPdfIsRefused() {
        refused(TestPdfs.encrypted(), 422, AttachmentProblemCodes.ENCRYPTED, "encrypted");
    }

    @Test
    void activePdfsAreRefused() {
        refused(TestPdfs.withOpenActionJavaScript(), 422, AttachmentProblemCodes.ACTIVE_CONTENT, "javascript");
        refused(TestPdfs.withDocumentJavaScript(), 422, AttachmentProblemCodes.ACTIVE_CONTENT, "javascript");
        refused(TestPdfs.withLaunchAction(), 422, AttachmentProblemCodes.ACTIVE_CONTENT, "launch-action");
        refused(TestPdfs.withEmbeddedFile(), 422, AttachmentProblemCodes.ACTIVE_CONTENT, "embedded-file");
    }

    @Test
    void anOpenActionThatOnlyShowsAPageIsHarmless() {
        String owner = owner();
        byte[] pdf = TestPdfs.withGoToOpenAction();
        assertThat(attachments.store(owner, "sida.pdf", new ByteArrayInputStream(pdf), -1, "x").pages()).isEqualTo(1);
    }

    @Test
    void anEmptyFileOrOneWithoutANameIsRefused() {
        refused(new byte[0], 400, AttachmentProblemCodes.INVALID, "empty");
        String owner = owner();
        byte[] pdf = TestPdfs.plain("x");
        assertThatThrownBy(() -> attachments.store(owner, " / ", new ByteArrayInputStream(pdf), -1, "x"))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(AttachmentProblemCodes.INVALID));
        assertThat(attachments.list(owner)).isEmpty();
    }

    /**
     * A 50 MB stream against a limit of 1 MB: refused with 413 after reading just past the limit (not the whole
     * stream, and never more than one buffer in memory), with the spool file gone and nothing stored. A declared
     * size over the limit is refused before a byte is read.
     */
    @Test
    void anOversizedUploadFailsFastAndLeavesNothing() throws IOException {
        Path spool = Files.createTempDirectory(Path.of("target"), "spool-");
        var small = new GridFsAttachments(factory, converter, new AttachmentsProperties(1024 * 1024,
                spool.toString()), environment, Clock.systemUTC());
        String owner = owner();
        var stream = new TestPdfs.Endless(50L * 1024 * 1024);
        assertThatThrownBy(() -> small.store(owner, "stor.pdf", stream, -1, "x"))
                .isInstanceOfSatisfying(PlaceraException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlaceraException.Kind.TOO_LARGE);
                    assertThat(e.code()).isEqualTo(AttachmentProblemCodes.TOO_LARGE);
                });
        assertThat(stream.consumed()).isLessThanOrEqualTo(1024 * 1024 + 64 * 1024);
        try (var files = Files.list(spool)) {
            assertThat(files.count()).isZero();
        }
        assertThat(small.list(owner)).isEmpty();

        var declared = new TestPdfs.Endless(50L * 1024 * 1024);
        assertThatThrownBy(() -> small.store(owner, "stor.pdf", declared, 50L * 1024 * 1024, "x"))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(AttachmentProblemCodes.TOO_LARGE));
        assertThat(declared.consumed()).isZero();
    }

    /** A client that breaks off mid-upload leaves no attachment and no spool file. */
    @Test
    void anUploadBrokenOffLeavesNothing() {
        String owner = owner();
        byte[] pdf = TestPdfs.plain("avbruten");
        InputStream broken = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos == pdf.length / 2) {
                    throw new IOException("connection reset");
                }
                return pdf[pos++] & 0xff;
            }
        };
        assertThatThrownBy(() -> attachments.store(owner, "halv.pdf", broken, pdf.length, "x"))
                .hasRootCauseMessage("connection reset");
        assertThat(attachments.list(owner)).isEmpty();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void theRegistersCheckOfBytesInMemoryIsTheSame() {
        attachments.requireSafePdf(TestPdfs.plain("ok"));
        assertThatThrownBy(() -> attachments.requireSafePdf(TestPdfs.withDocumentJavaScript()))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(AttachmentProblemCodes.ACTIVE_CONTENT));
        assertThatThrownBy(() -> attachments.requireSafePdf(TestPdfs.png()))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(AttachmentProblemCodes.NOT_PDF));
    }

    private void refused(byte[] content, int status, String code, String reason) {
        String owner = owner();
        assertThatThrownBy(() -> attachments.store(owner, "fil.pdf", new ByteArrayInputStream(content),
                content.length, "x")).isInstanceOfSatisfying(PlaceraException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(statusOf(e.kind())).isEqualTo(status);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo(reason));
                });
        assertThat(attachments.list(owner)).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("metadata.owner").is(owner)), "attachments.files"))
                .isZero();
        assertThat(spoolFiles()).isZero();
    }

    private static int statusOf(PlaceraException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            default -> 500;
        };
    }

    private long spoolFiles() {
        if (!Files.isDirectory(spool())) {
            return 0;
        }
        try (var files = Files.list(spool())) {
            return files.filter(f -> f.getFileName().toString().startsWith(GridFsAttachments.SPOOL_PREFIX)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNotFound(Supplier<?> call) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(PlaceraException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlaceraException.Kind.NOT_FOUND);
            assertThat(e.code()).isEqualTo(AttachmentProblemCodes.NOT_FOUND);
        });
    }
}
