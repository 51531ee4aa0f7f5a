package se.placera.forms.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import se.placera.forms.FormProblemCodes;
import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;
import se.placera.shared.PlaceraException;

/** Compiled method versions. Published versions never change, so each is compiled once and kept. */
@Component
class MethodRegistry {

    private static final MethodCompiler.References TRUSTED = new MethodCompiler.References() {
        @Override
        public boolean codelistExists(String id) {
            return true;
        }

        @Override
        public boolean optionSourceExists(String id) {
            return true;
        }
    };

    private final Metadata metadata;
    private final MethodCompiler compiler;
    private final Map<String, CompiledMethod> compiled = new ConcurrentHashMap<>();

    MethodRegistry(Metadata metadata, MethodCompiler compiler) {
        this.metadata = metadata;
        this.compiler = compiler;
    }

    /** The version new responses start on: the given one if it is published, else the one in use. */
    Definition forNewResponse(String methodId, Integer version) {
        Definition d;
        if (version == null) {
            d = metadata.latestPublished("method", methodId).orElseThrow(() -> PlaceraException.notFound(
                    FormProblemCodes.METHOD_NOT_FOUND, "There is no published method '" + methodId + "'."));
        } else {
            d = definition(methodId, version);
        }
        if (d.status() != DefinitionStatus.PUBLISHED) {
            throw PlaceraException.conflict(FormProblemCodes.METHOD_NOT_IN_USE,
                    "Version " + d.version() + " of '" + methodId + "' is " + d.status().json()
                            + "; responses start only on a published version.");
        }
        return d;
    }

    Definition definition(String methodId, int version) {
        try {
            return metadata.get("method", methodId, version);
        } catch (PlaceraException e) {
            throw PlaceraException.notFound(FormProblemCodes.METHOD_NOT_FOUND,
                    "There is no version " + version + " of method '" + methodId + "'.");
        }
    }

    CompiledMethod compiled(String methodId, int version) {
        String key = methodId + ":" + version;
        CompiledMethod cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        Definition d = definition(methodId, version);
        CompiledMethod method = compile(d);
        if (d.status() != DefinitionStatus.DRAFT) {
            compiled.put(key, method);
        }
        return method;
    }

    CompiledMethod compile(Definition d) {
        MethodCompiler.Result result = compiler.compile(d.content(), d.version(), TRUSTED);
        if (result.method() == null) {
            throw PlaceraException.invalid("METADATA_INVALID",
                    "Method '" + d.id() + "' version " + d.version() + " cannot be run: fix its problems first.",
                    result.problems());
        }
        return result.method();
    }
}
