package se.placera.metadata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.JsonSchemas;
import se.placera.metadata.MetadataKind;
import se.placera.shared.Problem;

/** Loads each kind's meta-schema once and validates content against it. */
@Component
class MetaSchemas {

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    Schema schemaOf(MetadataKind kind) {
        return schemas.computeIfAbsent(kind.name(), k -> load(kind.metaSchema()));
    }

    private static Schema load(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return JsonSchemas.compile(in);
        } catch (IOException e) {
            throw new IllegalStateException("Meta-schema not found: " + location, e);
        }
    }

    List<Problem> validate(MetadataKind kind, JsonNode content) {
        return JsonSchemas.validate(schemaOf(kind), content, "");
    }
}
