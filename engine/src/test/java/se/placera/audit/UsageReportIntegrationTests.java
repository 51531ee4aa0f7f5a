package se.placera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import se.placera.documents.Spreadsheets;
import se.placera.security.IdentityFixtures;
import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/** US-6: per user, logins by login method and answers per method, as JSON and as Excel. */
class UsageReportIntegrationTests extends IdentityTestBase {

    @Autowired
    Spreadsheets spreadsheets;

    @Test
    void countsLoginsAndAnswersPerUserAndMethod() {
        String username = unique("flitig");
        String password = "Röd-Stuga-Vid-Ån-1234";
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), password);
        browser().login(username, password);
        browser().login(username, password);
        String methodId = unique("usage-metod");
        IdentityFixtures.publish(admin(), methodId);
        Api user = Api.at(port).as(username, password);
        JsonNode r = IdentityFixtures.start(user, methodId, unique("klient"));
        user.post("/api/responses/" + r.get("responseId").asString() + "/submit",
                Map.of("answers", Map.of("notering", "klar"), "revision", r.get("revision").asLong())).expect(200);

        String today = LocalDate.now().toString();
        JsonNode report = admin().get("/api/usage?from=" + today + "&to=" + today).expect(200).json();
        JsonNode mine = report.get("users").valueStream().filter(u -> u.get("username").asString().equals(username))
                .findFirst().orElseThrow();
        assertThat(mine.get("logins").get("local").asInt()).isEqualTo(2);
        assertThat(mine.get("loginsTotal").asInt()).isEqualTo(2);
        assertThat(mine.get("responsesSubmitted").get(methodId).asInt()).isEqualTo(1);

        var xlsx = admin().get("/api/usage/export?from=" + today).expect(200);
        var sheet = spreadsheets.read(new ByteArrayInputStream(xlsx.bytes()), "Besvarade metoder");
        // Item 12 of issue 12: the method's title, then its id; login methods in words.
        assertThat(sheet.headers()).containsExactly("Användare", "Metod", "Metodens id", "Inskickade svar",
                "Sparade ändringar");
        assertThat(sheet.rows()).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(username);
            assertThat(row.get(1)).isEqualTo("Testmetod " + methodId);
            assertThat(row.get(2)).isEqualTo(methodId);
            assertThat(((Number) row.get(3)).intValue()).isEqualTo(1);
        });
        var logins = spreadsheets.read(new ByteArrayInputStream(xlsx.bytes()), "Inloggningar");
        assertThat(logins.rows()).anySatisfy(row -> assertThat(row)
                .containsSequence(username, "Användarnamn och lösenord"));

        // Before the period: nothing.
        JsonNode empty = admin().get("/api/usage?from=2001-01-01&to=2001-01-31").expect(200).json();
        assertThat(empty.get("users").size()).isZero();
    }
}
