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

    @Test
    void theSyntheticNumbersPassTheCheck() {
        for (SampleCases.Spec s : SampleCases.SPECS) {
            String pnr = SampleCases.number(s.birth(), s.serial());
            assertThat(PersonalIdentityNumber.parse(pnr, java.time.LocalDate.of(2026, 12, 1)).formatted())
                    .isEqualTo(pnr);
        }
    }
}
