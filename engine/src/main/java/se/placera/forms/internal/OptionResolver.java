package se.placera.forms.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.forms.Option;
import se.placera.forms.OptionSource;
import se.placera.forms.internal.CompiledMethod.Choice;
import se.placera.forms.internal.CompiledMethod.OptionsSpec;
import se.placera.metadata.DefinitionPublished;
import se.placera.metadata.Metadata;

/**
 * The alternatives of a question before rules filter them: static ones from the method, codelists (the
 * version in use, cached until a new one is published) and live option sources.
 */
@Component
class OptionResolver {

    private final Metadata metadata;
    private final JsonMapper mapper;
    private final Map<String, OptionSource> sources;
    private final Map<String, List<Choice>> codelists = new ConcurrentHashMap<>();

    OptionResolver(Metadata metadata, JsonMapper mapper, List<OptionSource> sources) {
        this.metadata = metadata;
        this.mapper = mapper;
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(OptionSource::id, Function.identity()));
    }

    boolean sourceExists(String id) {
        return sources.containsKey(id);
    }

    Map<String, OptionSource> sources() {
        return sources;
    }

    List<Choice> choices(OptionsSpec spec, Map<String, Object> user, Map<String, Object> subject) {
        return switch (spec) {
            case OptionsSpec.Static s -> s.choices();
            case OptionsSpec.Codelist c -> codelist(c.codelistId());
            case OptionsSpec.Source s -> {
                OptionSource source = sources.get(s.sourceId());
                yield source == null ? List.of()
                        : source.options(s.params(), user, subject).stream().map(MethodCompiler::choice).toList();
            }
        };
    }

    List<Choice> codelist(String id) {
        return codelists.computeIfAbsent(id, this::loadCodelist);
    }

    private List<Choice> loadCodelist(String id) {
        return metadata.latestPublished("codelist", id).map(d -> {
            JsonNode items = d.content().path("items");
            java.util.ArrayList<Choice> out = new java.util.ArrayList<>();
            for (JsonNode item : items) {
                if (!item.path("active").asBoolean(true)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = item.has("attributes")
                        ? mapper.convertValue(item.get("attributes"), Map.class) : Map.of();
                out.add(MethodCompiler.choice(new Option(item.path("value").asString(), item.path("label").asString(),
                        attributes)));
            }
            return List.copyOf(out);
        }).orElse(List.of());
    }

    /**
     * Label of every value a codelist has ever had: the version in use first, then older versions for items
     * removed since; items marked inactive (retired) keep their label. For reading back stored answers.
     */
    Map<String, String> everyLabel(String codelistId) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        java.util.List<se.placera.metadata.Definition> versions;
        try {
            versions = new java.util.ArrayList<>(metadata.versions("codelist", codelistId));
        } catch (RuntimeException missing) {
            return labels;
        }
        versions.sort(java.util.Comparator.comparingInt(se.placera.metadata.Definition::version).reversed());
        metadata.latestPublished("codelist", codelistId).ifPresent(d -> versions.addFirst(d));
        for (var d : versions) {
            for (JsonNode item : d.content().path("items")) {
                labels.putIfAbsent(item.path("value").asString(), item.path("label").asString());
            }
        }
        return labels;
    }

    @EventListener
    void on(DefinitionPublished event) {
        if ("codelist".equals(event.kind())) {
            codelists.remove(event.id());
        }
    }
}
