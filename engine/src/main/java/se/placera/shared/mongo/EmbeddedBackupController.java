package se.placera.shared.mongo;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;

/**
 * Backups of the embedded database on demand. Only a system administrator may call it: the URL rule for
 * {@code /api/admin/**} in the security module's {@code SecurityConfiguration} is the one place that decides it.
 * With a real MongoDB ({@code spring.mongodb.uri}) there is no embedded file: the endpoints answer 409 and backups are
 * the database's own (mongodump or the provider's snapshots, docs/architecture.md).
 */
@RestController
@Tag(name = "Database", description = "Backups of the embedded database")
class EmbeddedBackupController {

    private final ObjectProvider<EmbeddedBackups> backups;
    private final ApplicationEventPublisher events;

    EmbeddedBackupController(ObjectProvider<EmbeddedBackups> backups, ApplicationEventPublisher events) {
        this.backups = backups;
        this.events = events;
    }

    private EmbeddedBackups backups() {
        EmbeddedBackups found = backups.getIfAvailable();
        if (found == null) {
            throw PlaceraException.conflict("database.backup-unavailable",
                    "The app uses an external MongoDB (spring.mongodb.uri): back it up with the database's own tools");
        }
        return found;
    }

    @PostMapping("/api/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take an online backup of the embedded database now (writes pause while the file is copied)")
    EmbeddedBackups.Backup backup() throws Exception {
        EmbeddedBackups.Backup made = backups().backupNow();
        events.publishEvent(new Audited("database.backup", "database", made.file(), null, "success",
                Map.of("bytes", made.bytes())));
        return made;
    }

    @GetMapping("/api/admin/backups")
    @Operation(summary = "The backups in the backup folder, newest first")
    List<EmbeddedBackups.Backup> list() throws Exception {
        return backups().list();
    }
}
