package se.placera.providers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

import se.placera.documents.Attachments;
import se.placera.providers.Register;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.security.CurrentUsers;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * Files of units: the IVO permit PDF and other documents, stored as binary in one document each (at most
 * {@code placera.providers.max-document-bytes}). The declared content type must be allowed and match the bytes;
 * a PDF must also pass the attachments' content check ({@link Attachments#requireSafePdf}): readable, not
 * encrypted, nothing active (415 / 422 with the {@code ATTACHMENT_*} codes).
 */
@Service
public class UnitFiles {

    static final String PDF = "application/pdf";
    static final Map<String, String> ALLOWED = Map.of(
            PDF, "PDF",
            "image/png", "PNG",
            "image/jpeg", "JPEG",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX");
    static final Set<String> KINDS = Set.of("ivo-tillstand", "information", "avtal", "ovrigt");

    private final MongoTemplate mongo;
    private final RegisterService register;
    private final ProvidersProperties properties;
    private final CurrentUsers users;
    private final Attachments attachments;
    private final Clock clock;

    UnitFiles(MongoTemplate mongo, RegisterService register, ProvidersProperties properties, CurrentUsers users,
            Attachments attachments, Clock clock) {
        this.mongo = mongo;
        this.attachments = attachments;
        this.register = register;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    /** A stored file with its bytes. */
    @Document("register_files")
    public record StoredFile(@Id String id, String unitId, String kind, String filename, String contentType,
            long size, byte[] content, Instant uploadedAt, String uploadedBy) {
    }

    /** Stores the permit's PDF and links it from the unit's IVO permit (which must exist). */
    public Unit putIvoPdf(UnitId unitId, String filename, String contentType, byte[] bytes) {
        Unit unit = unit(unitId);
        if (unit.ivoPermit() == null) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "The unit has no IVO permit to attach to.",
                    List.of(new Problem("/ivoPermit", RegisterProblemCodes.REQUIRED,
                            "Register the permit (number, scope, validity) first.")));
        }
        if (!PDF.equals(base(contentType))) {
            throw rejected("An IVO permit must be a PDF (application/pdf).");
        }
        StoredFile file = store(unit, "ivo-tillstand", filename == null ? "ivo-tillstand.pdf" : filename,
                contentType, bytes);
        String old = unit.ivoPermit().documentId();
        Unit saved = register.replaceUnit(unit, unit.withFiles(unit.ivoPermit().withDocument(file.id()),
                unit.documents()), "unit.ivo-permit.attach");
        if (old != null) {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(old)), StoredFile.class);
        }
        return saved;
    }

    public Unit addDocument(UnitId unitId, String kind, String filename, String contentType, byte[] bytes) {
        Unit unit = unit(unitId);
        String k = kind == null ? "information" : kind;
        if (!KINDS.contains(k)) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "Unknown document kind.",
                    List.of(new Problem("/kind", RegisterProblemCodes.INVALID_VALUE, "kind must be one of " + KINDS)));
        }
        if (filename == null || filename.isBlank()) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "A file name is required.",
                    List.of(new Problem("/filename", RegisterProblemCodes.REQUIRED, "Give the file name.")));
        }
        StoredFile file = store(unit, k, filename, contentType, bytes);
        List<Unit.DocumentRef> docs = new ArrayList<>(unit.documents());
        docs.add(new Unit.DocumentRef(file.id(), k, file.filename(), file.contentType(), file.size(),
                file.uploadedAt(), file.uploadedBy()));
        return register.replaceUnit(unit, unit.withFiles(unit.ivoPermit(), docs), "unit.document.add");
    }

    public Unit removeDocument(UnitId unitId, String documentId) {
        Unit unit = unit(unitId);
        List<Unit.DocumentRef> docs = new ArrayList<>(unit.documents());
        if (!docs.removeIf(d -> d.id().equals(documentId))) {
            throw PlaceraException.notFound(RegisterProblemCodes.DOCUMENT_NOT_FOUND,
                    "The unit has no document '" + documentId + "'.");
        }
        Unit saved = register.replaceUnit(unit, unit.withFiles(unit.ivoPermit(), docs), "unit.document.remove");
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(documentId)), StoredFile.class);
        return saved;
    }

    /** A file of the unit (a document or the permit PDF). */
    public StoredFile get(UnitId unitId, String documentId) {
        StoredFile f = mongo.findById(documentId, StoredFile.class);
        if (f == null || !f.unitId().equals(unitId.value())) {
            throw PlaceraException.notFound(RegisterProblemCodes.DOCUMENT_NOT_FOUND,
                    "The unit has no document '" + documentId + "'.");
        }
        return f;
    }

    private StoredFile store(Unit unit, String kind, String filename, String contentType, byte[] bytes) {
        String type = base(contentType);
        if (bytes == null || bytes.length == 0) {
            throw rejected("The file is empty.");
        }
        if (bytes.length > properties.maxDocumentBytes()) {
            throw rejected("The file is larger than " + properties.maxDocumentBytes() / (1024 * 1024) + " MB.");
        }
        if (type == null || !ALLOWED.containsKey(type)) {
            throw rejected("Files of type '" + contentType + "' are not accepted; accepted: " + ALLOWED.values());
        }
        if (!matches(type, bytes)) {
            throw rejected("The file's content is not " + ALLOWED.get(type) + ".");
        }
        if (PDF.equals(type)) {
            attachments.requireSafePdf(bytes);
        }
        String safeName = filename.replaceAll("[\\\\/\\r\\n\"]", "_");
        StoredFile f = new StoredFile("f-" + UUID.randomUUID(), unit.id(), kind, safeName, type, bytes.length, bytes,
                clock.instant(), users.actor());
        return mongo.insert(f);
    }

    static boolean matches(String type, byte[] b) {
        return switch (type) {
            case PDF -> startsWith(b, "%PDF-".getBytes());
            case "image/png" -> startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "image/jpeg" -> startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            default -> startsWith(b, new byte[] {'P', 'K', 3, 4});
        };
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String base(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase();
    }

    private Unit unit(UnitId id) {
        return register.unit(id).orElseThrow(() -> PlaceraException.notFound(RegisterProblemCodes.UNIT_NOT_FOUND,
                "There is no unit '" + id + "'."));
    }

    private static PlaceraException rejected(String message) {
        return PlaceraException.invalid(RegisterProblemCodes.DOCUMENT_REJECTED, message,
                List.of(new Problem("", "file.rejected", message)));
    }
}
