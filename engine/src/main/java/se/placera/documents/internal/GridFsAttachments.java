package se.placera.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Service;

import se.placera.documents.Attachment;
import se.placera.documents.AttachmentProblemCodes;
import se.placera.documents.Attachments;
import se.placera.documents.AttachmentsProperties;
import se.placera.shared.InputLimits;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * {@link Attachments} in GridFS (bucket {@code attachments}: {@code attachments.files} and
 * {@code attachments.chunks}). An upload is first counted into a spool file under the data directory (cut off at
 * the first byte past the limit, hashed on the way), then checked ({@link PdfInspection}), then copied into
 * GridFS in 255 kB chunks. GridFS writes the file document after the last chunk, and a failed upload deletes its
 * chunks: the file document is the commit, so a half-written attachment is never visible. The spool file is
 * deleted whatever happens; spool files left by a crash are removed at the next start.
 */
@Service
@EnableConfigurationProperties(AttachmentsProperties.class)
class GridFsAttachments implements Attachments, ApplicationRunner {

    static final String BUCKET = "attachments";
    static final String SPOOL_PREFIX = "upload-";
    private static final int MAX_FILENAME = 200;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GridFsAttachments.class);

    private final GridFsTemplate gridFs;
    private final AttachmentsProperties properties;
    private final Path spool;
    private final Clock clock;

    GridFsAttachments(MongoDatabaseFactory factory, MongoConverter converter, AttachmentsProperties properties,
            Environment environment, Clock clock) {
        this.gridFs = new GridFsTemplate(factory, converter, BUCKET);
        this.properties = properties;
        this.spool = spoolDir(properties, environment);
        this.clock = clock;
    }

    static Path spoolDir(AttachmentsProperties properties, Environment environment) {
        String dir = properties.spoolDir();
        if (dir == null || dir.isBlank()) {
            return Path.of(environment.getProperty("placera.embedded-db.data-dir", "./data"), "spool")
                    .toAbsolutePath().normalize();
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** The spool folder (for tests that check that nothing is left in it). */
    Path spool() {
        return spool;
    }

    /** Removes spool files older than an hour: left by a crash (a live upload is never that old). */
    @Override
    public void run(ApplicationArguments args) {
        if (!Files.isDirectory(spool)) {
            return;
        }
        Instant before = clock.instant().minus(Duration.ofHours(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, SPOOL_PREFIX + "*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean the attachment spool folder {}: {}", spool, e.toString());
        }
    }

    @Override
    public Attachment store(String owner, String filename, InputStream content, long declaredSize,
            String uploadedBy) {
        requireOwner(owner);
        String name = cleanName(filename);
        long max = properties.maxBytes();
        if (declaredSize > max) {
            throw tooLarge(max);
        }
        Path tmp = null;
        try {
            Files.createDirectories(spool);
            tmp = Files.createTempFile(spool, SPOOL_PREFIX, ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = content; OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = copyAtMost(in, out, max);
            }
            if (size == 0) {
                throw PlaceraException.invalid(AttachmentProblemCodes.INVALID, "The file is empty.",
                        List.of(new Problem("", "empty", "The file is empty.")));
            }
            PdfInspection.Checked checked = PdfInspection.check(tmp);
            String id = "att-" + UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // a BSON date
            String hash = HexFormat.of().formatHex(sha.digest());
            Document metadata = new Document("owner", owner).append("sha256", hash).append("pages", checked.pages())
                    .append("uploadedAt", Date.from(now)).append("uploadedBy", uploadedBy);
            try (InputStream in = Files.newInputStream(tmp)) {
                gridFs.store(GridFsUpload.fromStream(in).id(id).filename(name).contentType(Attachment.PDF)
                        .metadata(metadata).build());
            }
            return new Attachment(id, owner, name, Attachment.PDF, size, hash, checked.pages(), now, uploadedBy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not delete the spool file {}: {}", tmp, e.toString());
                }
            }
        }
    }

    /** Copies at most {@code max} bytes; one byte more and the copy stops with 413. */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                throw tooLarge(max);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    @Override
    public Attachment get(String owner, String id) {
        return view(file(owner, id));
    }

    @Override
    public List<Attachment> list(String owner) {
        requireOwner(owner);
        List<Attachment> all = new ArrayList<>();
        gridFs.find(Query.query(Criteria.where("metadata.owner").is(owner)).with(Sort.by("uploadDate", "_id")))
                .forEach(f -> all.add(view(f)));
        return all;
    }

    @Override
    public InputStream open(String owner, String id) {
        try {
            return gridFs.getResource(file(owner, id)).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String owner, String id) {
        file(owner, id);
        gridFs.delete(byId(owner, id));
    }

    @Override
    public void requireSafePdf(byte[] content) {
        if (content != null && content.length > properties.maxBytes()) {
            throw tooLarge(properties.maxBytes());
        }
        PdfInspection.check(content);
    }

    private GridFSFile file(String owner, String id) {
        requireOwner(owner);
        GridFSFile f = id == null ? null : gridFs.findOne(byId(owner, id));
        if (f == null) {
            throw PlaceraException.notFound(AttachmentProblemCodes.NOT_FOUND, "There is no attachment '" + id + "'.");
        }
        return f;
    }

    private static Query byId(String owner, String id) {
        return Query.query(Criteria.where("_id").is(id).and("metadata.owner").is(owner));
    }

    private static Attachment view(GridFSFile f) {
        Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
        Date at = m.getDate("uploadedAt");
        return new Attachment(f.getId().asString().getValue(), m.getString("owner"), f.getFilename(),
                m.getString("_contentType") != null ? m.getString("_contentType") : Attachment.PDF, f.getLength(),
                m.getString("sha256"), m.getInteger("pages", 0), at == null ? null : at.toInstant(),
                m.getString("uploadedBy"));
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("An attachment needs an owner");
        }
    }

    /** The last path segment, without control characters or quotes, at most 200 characters. */
    static String cleanName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (name.isEmpty()) {
            throw PlaceraException.invalid(AttachmentProblemCodes.INVALID, "A file name is required.",
                    List.of(new Problem("/filename", "required", "Give the file name.")));
        }
        return name.length() > MAX_FILENAME ? name.substring(name.length() - MAX_FILENAME) : name;
    }

    static PlaceraException tooLarge(long max) {
        return new PlaceraException(PlaceraException.Kind.TOO_LARGE, AttachmentProblemCodes.TOO_LARGE,
                "The file is larger than " + InputLimits.describe(max) + ".",
                List.of(new Problem("", "too-large", "At most " + InputLimits.describe(max) + ".")));
    }
}
