package se.placera.placements.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;

/**
 * The {@code process} metadata kind (PA-13): states, transitions and tasks of a placement case. Its hook compiles
 * the process, so a definition with an unknown or unreachable state, a dead end, a guard that does not type-check
 * or an unknown method is refused on publish with JSON pointers.
 */
@Component
class ProcessKind implements MetadataKind {

    static final String KIND = "process";

    private final ProcessCompiler compiler;

    ProcessKind(ProcessCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String plural() {
        return "processes";
    }

    @Override
    public String title() {
        return "Process";
    }

    /** After codelists and methods, which processes refer to. */
    @Override
    public int importOrder() {
        return 200;
    }

    @Override
    public void validate(JsonNode content, ValidationContext context) {
        ProcessCompiler.Result result = compiler.compile(content, 0, new ProcessCompiler.References() {
            @Override
            public boolean methodExists(String id) {
                return context.resolve("method", id).isPresent();
            }

            @Override
            public boolean codelistExists(String id) {
                return context.resolve("codelist", id).isPresent();
            }
        });
        result.problems().forEach(p -> context.problem(p.pointer(), p.code(), p.detail()));
    }
}
