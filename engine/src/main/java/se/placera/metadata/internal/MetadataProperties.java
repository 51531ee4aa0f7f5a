package se.placera.metadata.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directories   locations imported at start-up as one bundle, e.g. {@code classpath:metadata} and
 *                      {@code classpath:templates/agreements} (the default),
 *                      {@code file:/srv/placera/metadata}; {@code schemas/} below them is skipped
 * @param failOnInvalid refuse to start when the start-up bundle is invalid (default: log, import nothing)
 */
@ConfigurationProperties("placera.metadata")
record MetadataProperties(@DefaultValue({"classpath:metadata", "classpath:templates/agreements"}) List<String> directories,
        @DefaultValue("false") boolean failOnInvalid) {
}
