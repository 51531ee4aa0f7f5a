package se.placera.shared.mongo;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.shared.Audited;

/**
 * Backups of the embedded database on demand. Only a system administrator may call it: the URL rule for
 * {@code /api/admin/**} in the security module's {@code SecurityConfiguration} is the one place that decides it.
 * Present only when the embedded database is used (declared as a bean by {@link EmbeddedMongoConfiguration}).
 */
@RestController
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
@Tag(name = "Database", description = "Backups of the embedded database")
class EmbeddedBackupController {

    private final EmbeddedBackups backups;
    private final ApplicationEventPublisher events;

    EmbeddedBackupController(EmbeddedBackups backups, ApplicationEventPublisher events) {
        this.backups = backups;
        this.events = events;
    }

    @PostMapping("/api/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take an online backup of the embedded database now (writes pause while the file is copied)")
    EmbeddedBackups.Backup backup() throws Exception {
        EmbeddedBackups.Backup made = backups.backupNow();
        events.publishEvent(new Audited("database.backup", "database", made.file(), null, "success",
                Map.of("bytes", made.bytes())));
        return made;
    }

    @GetMapping("/api/admin/backups")
    @Operation(summary = "The backups in the backup folder, newest first")
    List<EmbeddedBackups.Backup> list() throws Exception {
        return backups.list();
    }
}
