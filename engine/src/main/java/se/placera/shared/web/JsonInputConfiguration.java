package se.placera.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * How strictly JSON is read (issue #11, item 15), on the one {@code JsonMapper} Spring Boot builds for HTTP and
 * the modules alike:
 * <ul>
 * <li>a number with a fraction is not silently truncated into an integer field ({@code 1.9} → {@code 1});</li>
 * <li>a number or a boolean is not read from a string ({@code "12"} into a number field);</li>
 * <li>a key given twice in one object is refused (which of the two would win is a guess);</li>
 * <li>unknown properties are refused ({@code spring.jackson.deserialization.fail-on-unknown-properties} in
 * {@code application.yml}): a misspelt field must not be dropped silently. The problem names the field.</li>
 * </ul>
 * Each refusal is a 400 problem with a JSON pointer to the field ({@link ProblemDetailsAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
