package se.placera.schedules.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;

/**
 * The {@code schedule} metadata kind: a statutory or local clock of a placement case. Its hook compiles the
 * schedule, so an unknown anchor, a bad offset or repeat, a condition that does not type-check over the case or an
 * unknown method is refused on publish with JSON pointers (docs/schedules.md).
 */
@Component
class ScheduleKind implements MetadataKind {

    static final String KIND = "schedule";

    private final ScheduleCompiler compiler;

    ScheduleKind(ScheduleCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String plural() {
        return "schedules";
    }

    @Override
    public String title() {
        return "Tidsfrist";
    }

    /** After methods, which schedules refer to. */
    @Override
    public int importOrder() {
        return 250;
    }

    @Override
    public void validate(JsonNode content, ValidationContext context) {
        compiler.compile(content, 0, id -> context.resolve("method", id).isPresent())
                .problems().forEach(p -> context.problem(p.pointer(), p.code(), p.detail()));
    }
}
