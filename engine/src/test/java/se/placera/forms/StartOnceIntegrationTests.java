package se.placera.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** Issue #12: a double click on "Starta" must not make two drafts (Idempotency-Key on POST /api/responses). */
@AppIntegrationTest
class StartOnceIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> start(String user, String key) {
        String body = "{\"methodId\":\"vuxna-missbruk-uppfoljning\",\"subject\":{\"type\":\"client\",\"id\":\"K-1\"}}";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/responses"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":placera-demo").getBytes(StandardCharsets.UTF_8)));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r.body()).get("responseId").asString();
    }

    @Test
    void theSameKeyStartsOneResponseEvenWhenSentTwiceAtOnce() {
        String key = UUID.randomUUID().toString();
        var a = CompletableFuture.supplyAsync(() -> start("handlaggare", key));
        var b = CompletableFuture.supplyAsync(() -> start("handlaggare", key));
        String first = id(a.join());
        assertThat(id(b.join())).isEqualTo(first);
        assertThat(id(start("handlaggare", key))).isEqualTo(first);

        long drafts = 0;
        for (JsonNode r : Api.at(port).asCaseworker().get("/api/responses?status=draft").expect(200).json()) {
            if (r.get("responseId").asString().equals(first)) {
                drafts++;
            }
        }
        assertThat(drafts).isEqualTo(1);

        // A new click (new key) starts a new response; so does a request without a key.
        assertThat(id(start("handlaggare", UUID.randomUUID().toString()))).isNotEqualTo(first);
        assertThat(id(start("handlaggare", null))).isNotEqualTo(first);
        // Another user's key is their own.
        assertThat(id(start("admin", key))).isNotEqualTo(first);
    }

    @Test
    void aMalformedKeyIsRefused() {
        HttpResponse<String> r = start("handlaggare", "x");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Api.json(r.body()).get("code").asString()).isEqualTo(FormProblemCodes.INVALID_IDEMPOTENCY_KEY);
        assertThat(List.of(r.statusCode())).containsExactly(400);
    }
}
