package se.placera.placements;

import java.util.Optional;

/** The published processes, compiled (PA-13). Published versions are immutable, so compiled ones are cached. */
public interface Processes {

    /** The version in use: the one published most recently. */
    Optional<ProcessDefinition> inUse(String processId);

    /** A given published version, as a case that pinned it needs it. */
    ProcessDefinition version(String processId, int version);
}
