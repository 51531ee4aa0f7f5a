package se.placera.shared.mongo;

import java.nio.file.Path;
import java.util.Optional;

/** The embedded database file exists but cannot be used as it is; the app refuses to start and writes nothing. */
class DamagedDataFileException extends RuntimeException {

    private final transient Path file;
    private final transient Optional<Path> latestBackup;
    private final String problem;

    DamagedDataFileException(Path file, String problem, Optional<Path> latestBackup) {
        super("The embedded database file " + file + " is damaged: " + problem + ". " + advice(file, latestBackup));
        this.file = file;
        this.latestBackup = latestBackup;
        this.problem = problem;
    }

    /** What is wrong, without the advice. */
    String description() {
        return "The embedded database file " + file + " is damaged: " + problem + ".";
    }

    Path file() {
        return file;
    }

    Optional<Path> latestBackup() {
        return latestBackup;
    }

    static String advice(Path file, Optional<Path> latestBackup) {
        return latestBackup.map(b -> "The file was left as it is. The latest backup is " + b
                + "; restore it by starting once with --placera.embedded-db.restore-from=" + b
                + " (the damaged file is kept aside as placera.mv.replaced-<time>).")
                .orElse("The file was left as it is. No backup was found in the backup folder; restore a copy of "
                        + file.getFileName() + " from elsewhere with --placera.embedded-db.restore-from=<file>.");
    }
}
