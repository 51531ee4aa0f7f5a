package se.placera.metadata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.metadata.Bundle;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.ImportReport;
import se.placera.metadata.Metadata;

/**
 * At start-up, imports every {@code *.json} below the configured metadata folders (except {@code schemas/})
 * as one bundle of published definitions. Unchanged files make no new version; a changed file makes one.
 */
@Component
@Order(0)
class StartupImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

    private final Metadata metadata;
    private final MetadataProperties properties;
    private final JsonMapper mapper;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    StartupImport(Metadata metadata, MetadataProperties properties, JsonMapper mapper) {
        this.metadata = metadata;
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<Bundle.Entry> entries = new ArrayList<>();
        for (String location : properties.directories()) {
            String base = location.endsWith("/") ? location : location + "/";
            String pattern = base.startsWith("classpath:") ? "classpath*:" + base.substring("classpath:".length()) : base;
            for (Resource r : resolver.getResources(pattern + "**/*.json")) {
                String path = r.getURI().toString();
                if (path.contains("/schemas/")) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    JsonNode content = withBodyFile(mapper.readTree(in), r);
                    String kind = content.path("kind").asString(null);
                    String id = content.path("id").asString(null);
                    entries.add(new Bundle.Entry(kind, id, null, DefinitionStatus.PUBLISHED, content,
                            "file:" + r.getFilename()));
                } catch (RuntimeException | IOException e) {
                    handle("Metadata file " + path + " cannot be read (JSON, bodyFile): " + e.getMessage());
                    return;
                }
            }
        }
        ImportReport report = metadata.importBundle(new Bundle(Bundle.FORMAT, null, entries), false);
        if (!report.applied()) {
            handle("Metadata import from " + properties.directories() + " was rejected; nothing was imported: "
                    + report.errors());
            return;
        }
        long created = report.items().stream().filter(i -> !"unchanged".equals(i.action())).count();
        log.info("Metadata import: {} definition(s), {} new or changed version(s)", report.items().size(), created);
    }


    /**
     * A definition may keep a long text beside it: {@code "bodyFile": "x.ftlh"} (a file in the same folder) becomes
     * {@code "body"} with the file's text, so the stored definition is whole (agreement templates).
     */
    private static JsonNode withBodyFile(JsonNode content, Resource r) throws IOException {
        if (content instanceof tools.jackson.databind.node.ObjectNode o && o.path("bodyFile").isString()) {
            String name = o.path("bodyFile").asString();
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("bodyFile must name a file in the same folder: " + name);
            }
            try (InputStream body = r.createRelative(name).getInputStream()) {
                o.remove("bodyFile");
                o.put("body", new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return content;
    }

    private void handle(String message) {
        if (properties.failOnInvalid()) {
            throw new IllegalStateException(message);
        }
        log.error(message);
    }
}
