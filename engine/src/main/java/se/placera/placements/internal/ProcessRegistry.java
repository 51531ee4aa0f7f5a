package se.placera.placements.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;
import se.placera.placements.ProcessDefinition;
import se.placera.placements.Processes;
import se.placera.shared.PlaceraException;

/** Compiles published process versions once; they never change, so the cache needs no invalidation. */
@Service
class ProcessRegistry implements Processes {

    private static final ProcessCompiler.References PUBLISHED = new ProcessCompiler.References() {
        @Override
        public boolean methodExists(String id) {
            return true;
        }

        @Override
        public boolean codelistExists(String id) {
            return true;
        }
    };

    private final Metadata metadata;
    private final ProcessCompiler compiler;
    private final Map<String, ProcessDefinition> compiled = new ConcurrentHashMap<>();

    ProcessRegistry(Metadata metadata, ProcessCompiler compiler) {
        this.metadata = metadata;
        this.compiler = compiler;
    }

    @Override
    public Optional<ProcessDefinition> inUse(String processId) {
        return metadata.latestPublished(ProcessKind.KIND, processId).map(this::compile);
    }

    @Override
    public ProcessDefinition version(String processId, int version) {
        // Only published versions are compiled, and a published version never changes (nor becomes a draft
        // again): once compiled, no need to read it again. Every case read asks for its pinned version.
        ProcessDefinition known = compiled.get(processId + ":" + version);
        if (known != null) {
            return known;
        }
        Definition d = metadata.get(ProcessKind.KIND, processId, version);
        if (d.status() == DefinitionStatus.DRAFT) {
            throw PlaceraException.notFound("PROCESS_NOT_FOUND",
                    "The process '" + processId + "' has no published version " + version + ".");
        }
        return compile(d);
    }

    private ProcessDefinition compile(Definition d) {
        // References were checked when the version was published; a published version is never re-judged.
        return compiled.computeIfAbsent(d.id() + ":" + d.version(),
                k -> compiler.compile(d.content(), d.version(), PUBLISHED).process());
    }
}
