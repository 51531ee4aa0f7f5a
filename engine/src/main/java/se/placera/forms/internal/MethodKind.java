package se.placera.forms.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.forms.OptionSource;
import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;

/** The {@code method} metadata kind: its hook compiles the method, type-checks every rule and rejects cycles. */
@Component
class MethodKind implements MetadataKind {

    private final MethodCompiler compiler;
    private final Set<String> optionSources;

    /** Takes the option sources directly: the resolver needs the metadata store, which needs this kind. */
    MethodKind(MethodCompiler compiler, List<OptionSource> optionSources) {
        this.compiler = compiler;
        this.optionSources = optionSources.stream().map(OptionSource::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String name() {
        return "method";
    }

    @Override
    public String plural() {
        return "methods";
    }

    @Override
    public String title() {
        return "Metod";
    }

    @Override
    public int importOrder() {
        return 100;
    }

    @Override
    public void validate(JsonNode content, ValidationContext context) {
        MethodCompiler.Result result = compiler.compile(content, 0, new MethodCompiler.References() {
            @Override
            public boolean codelistExists(String id) {
                return context.resolve("codelist", id).isPresent();
            }

            @Override
            public boolean optionSourceExists(String id) {
                return optionSources.contains(id);
            }
        });
        result.problems().forEach(p -> context.problem(p.pointer(), p.code(), p.detail()));
    }
}
