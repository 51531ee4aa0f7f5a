package se.placera.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.placera.shared.Problem;

/** Schema problems carry what a front end needs to say them in its own language (issue #12, item 11). */
class JsonSchemasTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Problem> problems(String schema, String instance) {
        return JsonSchemas.validate(JsonSchemas.compile(JSON.readTree(schema)), JSON.readTree(instance), "");
    }

    static Problem only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void theParamsOfEachKeyword() {
        assertThat(only(problems("{\"required\":[\"title\"]}", "{}")))
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/title"))
                .extracting(Problem::params).isEqualTo(Map.of("property", "title"));
        assertThat(only(problems("{\"properties\":{\"a\":{}},\"additionalProperties\":false}", "{\"b\":1}")).params())
                .isEqualTo(Map.of("property", "b"));
        assertThat(only(problems("{\"enum\":[\"survey\",\"evaluation\"]}", "\"x\"")).params().get("allowed"))
                .asString().contains("survey").contains("evaluation");
        assertThat(only(problems("{\"maxLength\":3}", "\"abcd\"")).params()).isEqualTo(Map.of("limit", "3"));
        assertThat(only(problems("{\"minimum\":1}", "0")).params()).isEqualTo(Map.of("limit", "1"));
        assertThat(only(problems("{\"type\":\"string\"}", "1")).params()).isEqualTo(Map.of("expected", "string"));
        assertThat(only(problems("{\"pattern\":\"^[a-z]+$\"}", "\"A\"")).params())
                .isEqualTo(Map.of("pattern", "^[a-z]+$"));
    }
}
