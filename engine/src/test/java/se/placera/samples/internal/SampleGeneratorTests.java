package se.placera.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Unit;
import se.placera.providers.UnitQualities;

class SampleGeneratorTests {

    static SampleGenerator.Dataset data;
    static final Map<String, Set<String>> CODES = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        data = new SampleGenerator(SeedLists.load()).generate(20200409L, 1.0);
        JsonMapper mapper = JsonMapper.builder().build();
        for (String id : List.of("malgrupper", "placeringsformer", "lagrum", "kon", "behov")) {
            try (InputStream in = new ClassPathResource("metadata/codelists/" + id + ".json").getInputStream()) {
                Set<String> values = new HashSet<>();
                for (JsonNode item : mapper.readTree(in).path("items")) {
                    values.add(item.path("value").asString());
                }
                CODES.put(id, values);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameMunicipality() {
        SampleGenerator.Dataset again = new SampleGenerator(SeedLists.load()).generate(20200409L, 1.0);
        assertThat(again.units()).isEqualTo(data.units());
        assertThat(again.providers()).isEqualTo(data.providers());
        assertThat(again.placements()).isEqualTo(data.placements());
        assertThat(again.facts()).isEqualTo(data.facts());
        SampleGenerator.Dataset other = new SampleGenerator(SeedLists.load()).generate(1L, 1.0);
        assertThat(other.units()).isNotEqualTo(data.units());
    }

    @Test
    void itHasTheSizeOfAMunicipalityAndScales() {
        assertThat(data.units()).hasSizeBetween(390, 410);
        assertThat(data.placements()).hasSize(3000);
        assertThat(data.teams()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(data.teams().stream().mapToInt(t -> t.caseworkers().size()).sum()).isGreaterThan(25);
        assertThat(data.units().stream().map(Unit::municipality).distinct().count()).isGreaterThan(40);
        assertThat(data.units().stream().map(Unit::id).distinct().count()).isEqualTo(data.units().size());
        assertThat(data.providers().stream().map(p -> p.orgNumber()).distinct().count())
                .isEqualTo(data.providers().size());
        SampleGenerator.Dataset big = new SampleGenerator(SeedLists.load()).generate(20200409L, 12.5);
        assertThat(big.units()).hasSizeBetween(4950, 5050);
    }

    @Test
    void theFrameworkAgreementsAreThoseOfTheControlPlan() {
        assertThat(data.agreements()).extracting(FrameworkAgreement::name).containsExactly("HVB Barn och unga",
                "Konsulentstöd familjehemsvård", "Konsulentstöd familjehemsvård, ensamkommande",
                "HVB Vuxna missbrukare", "Stödboende för ungdomar", "Stödboende för vuxna med missbruk",
                "Insatser för spelberoende", "Familjepedagogiska insatser i hemmet", "Ungdomscoach",
                "Signs of Safety");
        Set<String> ids = new HashSet<>(data.agreements().stream().map(FrameworkAgreement::id).toList());
        data.units().stream().filter(u -> u.agreement() != null && u.agreement().frameworkAgreementId() != null)
                .forEach(u -> assertThat(ids).contains(u.agreement().frameworkAgreementId()));
    }

    @Test
    void pricesPerDayAreInTheRealisticRanges() {
        for (Unit u : data.units()) {
            Unit.Price current = u.prices().get(u.prices().size() - 1);
            if (!Unit.Price.PER_DAY.equals(current.model())) {
                continue;
            }
            int p = current.perDay();
            String form = u.placementForms().get(0);
            switch (form) {
                case "hvb-barn-unga", "hvb-vuxna" -> assertThat(p).isBetween(2200, 8000);
                case "konsulentstott-familjehem" -> assertThat(p).isBetween(1500, 2500);
                case "stodboende", "stodboende-vuxna" -> assertThat(p).isBetween(1200, 2500);
                default -> assertThat(p).isBetween(1000, 10000);
            }
        }
    }

    @Test
    void everyCodedValueIsInTheStandardCodelists() {
        for (Unit u : data.units()) {
            assertThat(CODES.get("malgrupper")).containsAll(u.targetGroups());
            assertThat(CODES.get("placeringsformer")).containsAll(u.placementForms());
            assertThat(CODES.get("lagrum")).containsAll(u.legalBases());
            assertThat(CODES.get("kon")).containsAll(u.genders());
            assertThat(CODES.get("behov")).containsAll(u.needs());
        }
    }

    @Test
    void placementsHaveOutcomesAndEvaluationsThatFeedTheQualityFields() {
        long ended = data.placements().stream().filter(p -> p.endDate() != null).count();
        long breakdowns = data.placements().stream().filter(p -> "sammanbrott".equals(p.outcome())).count();
        assertThat(ended).isGreaterThan(1500);
        assertThat(breakdowns / (double) ended).isBetween(0.1, 0.4);
        assertThat(data.facts().stream().filter(f -> f.type().equals(UnitQualities.Fact.ENDED)).count())
                .isEqualTo(ended);
        assertThat(data.facts().stream().filter(f -> f.type().equals(UnitQualities.Fact.RATING_CASEWORKER)).count())
                .isGreaterThan(2500);
        assertThat(data.facts().stream().filter(f -> f.type().equals(UnitQualities.Fact.RATING_CLIENT)).count())
                .isGreaterThan(500);
        assertThat(data.facts().stream().map(UnitQualities.Fact::id).distinct().count())
                .isEqualTo(data.facts().size());
        data.placements().forEach(p -> {
            Unit u = data.units().stream().filter(x -> x.id().equals(p.unitId())).findFirst().orElseThrow();
            assertThat(u.placementForms()).contains(p.placementForm());
        });
    }
}
