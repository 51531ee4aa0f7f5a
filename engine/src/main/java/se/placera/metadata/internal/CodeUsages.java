package se.placera.metadata.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.metadata.CodeUsage;
import se.placera.metadata.MetadataKind;
import se.placera.shared.Problem;

/**
 * The values a new codelist version drops (in the version in use, absent from the new one) that the
 * {@link CodeUsage} contributors still find in use. The contributors are looked up lazily: they need the metadata
 * store themselves.
 */
@Component
class CodeUsages {

    static final String CODELIST = "codelist";
    /** The field-level code of a dropped value that is still used. */
    static final String VALUE_IN_USE = "codelist.value-in-use";

    private final ObjectProvider<CodeUsage> contributors;
    private final DefinitionStore store;
    private final JsonMapper mapper;

    CodeUsages(ObjectProvider<CodeUsage> contributors, DefinitionStore store, JsonMapper mapper) {
        this.contributors = contributors;
        this.store = store;
        this.mapper = mapper;
    }

    /** The uses of the values the content drops from the codelist's version in use; empty for other kinds. */
    List<CodeUsage.Use> droppedInUse(MetadataKind kind, JsonNode content) {
        if (!CODELIST.equals(kind.name()) || content == null || !content.path("id").isString()) {
            return List.of();
        }
        String id = content.path("id").asString();
        Set<String> dropped = store.latestPublished(CODELIST, id).map(d -> values(mapper.readTree(d.content)))
                .orElse(new LinkedHashSet<>());
        dropped.removeAll(values(content));
        if (dropped.isEmpty()) {
            return List.of();
        }
        List<CodeUsage.Use> uses = new ArrayList<>();
        contributors.orderedStream().forEach(c -> uses.addAll(c.uses(id, dropped)));
        return uses;
    }

    /** One problem per use, at {@code <prefix>/items}: the dropped value is no longer in the content. */
    List<Problem> problems(MetadataKind kind, JsonNode content, String prefix) {
        return droppedInUse(kind, content).stream().map(u -> problem(u, prefix)).toList();
    }

    static Problem problem(CodeUsage.Use u, String prefix) {
        return new Problem(prefix + "/items", VALUE_IN_USE, "The value '" + u.value() + "' is used by " + u.kind()
                + " '" + u.id() + "' (" + u.field() + "): keep it and retire it (active: false) instead.",
                Map.of("value", u.value(), "kind", u.kind(), "id", u.id(), "name", u.name() == null ? u.id() : u.name(),
                        "field", u.field()));
    }

    private static Set<String> values(JsonNode codelist) {
        Set<String> values = new LinkedHashSet<>();
        codelist.path("items").forEach(i -> values.add(i.path("value").asString()));
        return values;
    }
}
