package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.AppIntegrationTest;
import se.placera.support.Api;

/**
 * Issue #11, item 7: no lost updates. Every update of a register record names the version it read (428
 * without), and of two concurrent updates from the same version exactly one wins.
 */
@AppIntegrationTest
class RegisterVersionIntegrationTests {

    @LocalServerPort
    int port;

    RegisterFixtures f;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
    }

    @Test
    void twoConcurrentVacancyReportsFromTheSameVersionNeverBothWin() throws Exception {
        JsonNode provider = f.createProvider("Samtidighetens Omsorg AB", "extern");
        String id = f.createUnit(RegisterFixtures.hvb(provider.get("id").asString(), "Kapplöpningen",
                RegisterFixtures.unique("omr"), 3000)).at("/unit/id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int burst = 0; burst < 35; burst++) {
                long version = f.admin.get("/api/register/units/" + id).expect(200).json().at("/unit/version").asLong();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    // Different values, so neither request is a no-op.
                    int vacancies = (burst * 2 + t) % 8;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return f.admin.patch("/api/register/units/" + id + "/vacancies",
                                Map.of("vacancies", vacancies, "version", version)).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> a : answers) {
                    statuses.add(a.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("burst %d", burst).containsExactlyInAnyOrder(200, 409);
                assertThat(f.admin.get("/api/register/units/" + id).expect(200).json().at("/unit/version").asLong())
                        .isEqualTo(version + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpdateWithoutAVersionIsPreconditionRequired() {
        JsonNode provider = f.createProvider("Versionslösa Omsorg AB", "extern");
        String providerId = provider.get("id").asString();
        Map<String, Object> unit = RegisterFixtures.hvb(providerId, "Utan version", RegisterFixtures.unique("omr"), 3000);
        String id = f.createUnit(unit).at("/unit/id").asString();

        JsonNode p = f.admin.patch("/api/register/units/" + id + "/vacancies", Map.of("vacancies", 1)).expect(428)
                .json();
        assertThat(p.get("code").asString()).isEqualTo("VERSION_REQUIRED");
        assertThat(p.at("/errors/0/pointer").asString()).isEqualTo("/version");

        unit.put("vacancies", 1);
        assertThat(f.admin.put("/api/register/units/" + id, unit).expect(428).json().get("code").asString())
                .isEqualTo("VERSION_REQUIRED");
        assertThat(f.admin.put("/api/register/providers/" + providerId, Map.of("name", "Nytt namn", "regi", "extern",
                "orgNumber", provider.get("orgNumber").asString())).expect(428).json().get("code").asString())
                .isEqualTo("VERSION_REQUIRED");
        String fa = RegisterFixtures.unique("fa");
        f.admin.put("/api/register/framework-agreements/" + fa, Map.of("name", "Ramavtal A")).expect(200);
        f.admin.put("/api/register/framework-agreements/" + fa, Map.of("name", "Ramavtal B")).expect(428);
        // Nothing changed.
        assertThat(f.admin.get("/api/register/units/" + id).expect(200).json().at("/unit/vacancies").asInt())
                .isEqualTo(2);

        // If-Match works in place of the field; a stale one is 409.
        assertThat(ifMatch(id, "\"1\"").status()).isEqualTo(200);
        JsonNode stale = ifMatch(id, "1").expect(409).json();
        assertThat(stale.get("code").asString()).isEqualTo("CONCURRENT_UPDATE");
    }

    private Api.Response ifMatch(String id, String header) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/api/register/units/" + id + "/vacancies"))
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"vacancies\": 0}"))
                    .header("Content-Type", "application/json").header("If-Match", header)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString("admin:placera-demo".getBytes()))
                    .build();
            var r = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Response(r.statusCode(), r.body(), "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
