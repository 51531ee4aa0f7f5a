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
            seen.add(new Problem(pointer, "schema." + e.getKeyword(), e.getMessage()));
        }
        return new ArrayList<>(seen);
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
