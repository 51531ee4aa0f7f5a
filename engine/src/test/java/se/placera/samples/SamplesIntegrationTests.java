package se.placera.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

@AppIntegrationTest
class SamplesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SampleData samples;

    @Autowired
    MongoTemplate mongo;

    @Test
    void loadingTwiceCreatesNothingNewAndTheDataIsSearchable() {
        SampleData.LoadReport first = samples.load(99L, 0.05);
        assertThat(first.alreadyLoaded()).isFalse();
        assertThat(first.units()).isEqualTo(20);
        assertThat(first.frameworkAgreements()).isEqualTo(10);
        assertThat(first.placements()).isEqualTo(150);
        assertThat(first.qualityFacts()).isGreaterThan(100);

        assertThat(samples.load(99L, 0.05).alreadyLoaded()).isTrue();

        // Without the marker of the first load, every record is found by its id and nothing is created.
        mongo.remove(new Query(), "sample_runs");
        SampleData.LoadReport again = samples.load(99L, 0.05);
        assertThat(again.alreadyLoaded()).isFalse();
        assertThat(again.units() + again.providers() + again.frameworkAgreements() + again.placements()
                + again.teams() + again.qualityFacts()).isZero();

        Api api = Api.at(port).asCaseworker();
        JsonNode unit = api.get("/api/register/units/sample-u-00001").expect(200).json();
        assertThat(unit.at("/provider/orgNumber").asString()).startsWith("999");
        assertThat(unit.at("/quality/endedPlacements").asInt()).isGreaterThanOrEqualTo(0);
        JsonNode result = api.post("/api/matching/search", Map.of("placementForm", "hvb-barn-unga",
                "targetGroup", "barn-unga")).expect(200).json();
        assertThat(result.get("total").asInt()).isGreaterThan(0);
        assertThat(result.at("/results/0/reasons").size()).isEqualTo(6);
    }
}
