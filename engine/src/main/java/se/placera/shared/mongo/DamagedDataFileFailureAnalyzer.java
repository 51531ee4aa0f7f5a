package se.placera.shared.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refusal to start on a damaged embedded database file: which file, what is wrong, how to restore. */
class DamagedDataFileFailureAnalyzer extends AbstractFailureAnalyzer<DamagedDataFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DamagedDataFileException cause) {
        return new FailureAnalysis(cause.description(),
                DamagedDataFileException.advice(cause.file(), cause.latestBackup())
                        + " Placera did not open the file for writing; see README, \"Backup and restore\".",
                cause);
    }
}
