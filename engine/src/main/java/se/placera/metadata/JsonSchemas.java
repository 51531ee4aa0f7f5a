package se.placera.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import se.placera.shared.Problem;

/** JSON Schema 2020-12 (networknt) as the metadata and forms modules use it: compile, and errors as problems. */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    public static Schema compile(JsonNode schema) {
        return REGISTRY.getSchema(schema);
    }

    public static Schema compile(java.io.InputStream schema) {
        return REGISTRY.getSchema(schema);
    }

    /** Validates and returns the errors as problems whose pointers start with {@code prefix}. */
    public static List<Problem> validate(Schema schema, JsonNode instance, String prefix) {
        return toProblems(schema.validate(instance), prefix);
    }

    /** Turns networknt errors into problems with JSON pointers below {@code prefix}, without duplicates. */
    public static List<Problem> toProblems(List<Error> errors, String prefix) {
        var seen = new LinkedHashSet<Problem>();
        for (Error e : errors) {
            String pointer = prefix + pointerOf(e.getInstanceLocation());
            if (e.getProperty() != null && "required".equals(e.getKeyword())) {
                pointer = pointer + "/" + e.getProperty();
            }
            seen.add(new Problem(pointer, "schema." + e.getKeyword(), e.getMessage(), params(e)));
        }
        return new ArrayList<>(seen);
    }

    /**
     * What a front end's own text for a schema keyword needs (the detail is English, for developers): the property
     * of {@code required}/{@code additionalProperties}, the allowed values of {@code enum}/{@code const}, the limit
     * of the size and range keywords, the expected type, the pattern or format.
     */
    static java.util.Map<String, Object> params(Error e) {
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        String first = args.length > 0 && args[0] != null ? String.valueOf(args[0]) : null;
        var params = new java.util.LinkedHashMap<String, Object>();
        switch (e.getKeyword()) {
            case "required", "additionalProperties", "unevaluatedProperties", "dependentRequired" ->
                    params.put("property", e.getProperty() != null ? e.getProperty() : first);
            case "enum", "const" -> params.put("allowed", first);
            case "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems",
                    "maxItems", "minProperties", "maxProperties" -> params.put("limit", first);
            case "type" -> params.put("expected", args.length > 1 ? String.valueOf(args[1]) : first);
            case "pattern" -> params.put("pattern", first);
            case "format" -> params.put("format", first);
            default -> {
            }
        }
        params.values().removeIf(java.util.Objects::isNull);
        return params;
    }

    static String pointerOf(NodePath path) {
        var sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
