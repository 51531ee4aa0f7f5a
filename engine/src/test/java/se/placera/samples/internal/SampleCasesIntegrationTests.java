package se.placera.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.placera.placements.PersonalIdentityNumber;
import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** The sample municipality's open cases: several states, with notes, created once however often it loads. */
@AppIntegrationTest
class SampleCasesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SampleCases samples;

    @Autowired
    se.placera.providers.Register register;

    /**
     * The sample cases that are placed stand on the sample register (loaded before them at start-up); this context
     * does not load it, so a unit for each placed case's form and target group is made here when none exists.
     */
    @org.junit.jupiter.api.BeforeEach
    void unitsForThePlacedSampleCases() {
        Api admin = Api.at(port).asAdmin();
        String providerId = null;
        for (SampleCases.Spec spec : SampleCases.SPECS) {
            boolean fits = register.units().stream().anyMatch(u -> !Boolean.FALSE.equals(u.active())
                    && u.placementForms().contains(spec.placementForm())
                    && (u.targetGroups().isEmpty() || u.targetGroups().contains(spec.targetGroup())));
            if (fits || !spec.verbs().contains("besluta")) {
                continue;
            }
            if (providerId == null) {
                providerId = admin.post("/api/register/providers", java.util.Map.of("name", "Exempelvården AB",
                        "orgNumber", se.placera.support.TestProviders.orgNumber(), "regi", "extern")).expect(201)
                        .json().get("id").asString();
            }
            var unit = new java.util.HashMap<>(se.placera.support.TestUnits.hvbForYoungPeople(providerId,
                    "Exempelenheten " + spec.placementForm()));
            unit.put("targetGroups", java.util.List.of(spec.targetGroup()));
            unit.put("placementForms", java.util.List.of(spec.placementForm()));
            unit.put("ivoPermit", java.util.Map.of("number", "IVO-" + spec.serial(), "scope",
                    java.util.List.of(spec.placementForm()), "validFrom", "2020-01-01", "validTo", "2035-12-31"));
            admin.post("/api/register/units", unit).expect(201);
        }
    }

    @Test
    void sampleCasesAreCreatedInSeveralStatesWithNotesAndOnlyOnce() {
        samples.load();
        assertThat(samples.load()).isZero();

        Set<String> states = new HashSet<>();
        int withNotes = 0;
        Set<String> names = new HashSet<>();
        SampleCases.SPECS.forEach(s -> names.add(s.name()));
        for (var c : Api.at(port).asCaseworker().get("/api/cases").expect(200).json()) {
            if (names.contains(c.get("clientName").asString())) {
                states.add(c.get("state").asString());
                String id = c.get("id").asString();
                if (Api.at(port).asCaseworker().get("/api/cases/" + id + "/notes").expect(200).json().size() > 0) {
                    withNotes++;
                }
            }
        }
        assertThat(states).contains("utkast", "forfragan-skickad", "placerad", "pagaende", "avslutad");
        assertThat(withNotes).isGreaterThanOrEqualTo(6);
    }

    @Autowired
    se.placera.schedules.Clocks clocks;

    /** A newcomer sees deadlines due, near and overdue on the sample cases (docs/schedules.md). */
    @Test
    void sampleCasesHaveDeadlinesDueNearAndOverdue() {
        samples.load();
        clocks.runOnce();
        Set<String> statuses = new HashSet<>();
        for (var c : Api.at(port).asCaseworker().get("/api/cases").expect(200).json()) {
            String name = c.get("clientName").asString();
            if (Set.of("Ebba Frist", "Adam Uppföljning", "Sara Sentida").contains(name)) {
                var deadlines = Api.at(port).asCaseworker().get("/api/cases/" + c.get("id").asString() + "/clocks")
                        .expect(200).json().get("deadlines");
                deadlines.forEach(d -> statuses.add(d.get("status").asString()));
            }
        }
        assertThat(statuses).contains("open", "overdue", "upcoming");
        var tasks = Api.at(port).asCaseworker().get("/api/cases/tasks").expect(200).json();
        boolean overdue = false;
        boolean soon = false;
        for (var t : tasks) {
            if (t.get("taskId").asString().contains("-")) {
                overdue |= t.get("overdue").asBoolean() && t.get("clientName").asString().equals("Sara Sentida");
                soon |= t.get("dueSoon").asBoolean() && !t.get("overdue").asBoolean()
                        && t.get("clientName").asString().equals("Adam Uppföljning");
            }
        }
        assertThat(overdue).as("an overdue reconsideration").isTrue();
        assertThat(soon).as("a follow-up due within three days").isTrue();
    }

    @Test
    void theSyntheticNumbersPassTheCheck() {
        for (SampleCases.Spec s : SampleCases.SPECS) {
            String pnr = SampleCases.number(s.birth(), s.serial());
            assertThat(PersonalIdentityNumber.parse(pnr, java.time.LocalDate.of(2026, 12, 1)).formatted())
                    .isEqualTo(pnr);
        }
    }
}
