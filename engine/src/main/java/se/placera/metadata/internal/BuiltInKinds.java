package se.placera.metadata.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;

/** The kinds the metadata module owns itself: codelists and the catalogue of areas. */
@Configuration(proxyBeanMethods = false)
class BuiltInKinds {

    @Bean
    MetadataKind codelistKind() {
        return new MetadataKind() {
            @Override
            public String name() {
                return "codelist";
            }

            @Override
            public String plural() {
                return "codelists";
            }

            @Override
            public String title() {
                return "Kodlista";
            }

            @Override
            public int importOrder() {
                return 10;
            }

            @Override
            public void validate(JsonNode content, ValidationContext context) {
                Set<String> values = new HashSet<>();
                JsonNode items = content.path("items");
                for (int i = 0; i < items.size(); i++) {
                    String value = items.get(i).path("value").asString();
                    if (!values.add(value)) {
                        context.problem("/items/" + i + "/value", "codelist.duplicate-value",
                                "The value '" + value + "' occurs more than once.");
                    }
                }
            }
        };
    }

    @Bean
    MetadataKind areaKind() {
        return new MetadataKind() {
            @Override
            public String name() {
                return "area";
            }

            @Override
            public String plural() {
                return "areas";
            }

            @Override
            public String title() {
                return "Område";
            }

            @Override
            public int importOrder() {
                return 200;
            }

            @Override
            public void validate(JsonNode content, ValidationContext context) {
                JsonNode methods = content.path("methods");
                for (int i = 0; i < methods.size(); i++) {
                    String id = methods.get(i).asString();
                    if (context.resolve("method", id).isEmpty()) {
                        context.problem("/methods/" + i, "area.unknown-method",
                                "There is no published method '" + id + "'.");
                    }
                }
            }
        };
    }
}
