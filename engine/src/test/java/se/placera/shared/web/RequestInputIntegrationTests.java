package se.placera.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.shared.InputLimits;
import se.placera.support.AppIntegrationTest;
import se.placera.support.Api;

/**
 * Issue #11, items 5 and 15: every request is bounded, and a refused request is a clean problem that points
 * at the field — over real HTTP, asserting on the problem body.
 */
@AppIntegrationTest
class RequestInputIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    // ------------------------------------------------------------------ Bean Validation bounds

    @Test
    void aTooLongProviderNameIsRefusedWithAPointerAndTheSizeCode() {
        JsonNode p = admin.post("/api/register/providers", provider("x".repeat(InputLimits.NAME + 1)))
                .expect(400).json();
        assertClean(p, "INVALID_REQUEST");
        assertThat(error(p, "/name").get("code").asString()).isEqualTo("size");
        // The limit itself is fine.
        admin.post("/api/register/providers", provider("x".repeat(InputLimits.NAME))).expect(201);
    }

    @Test
    void aNestedFieldIsPointedAtThroughListsAndObjects() {
        String providerId = admin.post("/api/register/providers", provider("Gränsernas Omsorg AB")).expect(201)
                .json().get("id").asString();
        Map<String, Object> unit = unit(providerId, "Gränsgården");
        unit.put("needs", List.of("missbruk", "skolsvarigheter", "n".repeat(InputLimits.ID + 1)));
        unit.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "per-dygn", "perDay", 3000,
                "note", "n".repeat(InputLimits.TEXT + 1))));
        unit.put("address", Map.of("street", "s".repeat(InputLimits.SHORT_TEXT + 1)));
        JsonNode p = admin.post("/api/register/units", unit).expect(400).json();
        assertClean(p, "INVALID_REQUEST");
        assertThat(error(p, "/needs/2").get("code").asString()).isEqualTo("size");
        assertThat(error(p, "/prices/0/note").get("code").asString()).isEqualTo("size");
        assertThat(error(p, "/address/street").get("code").asString()).isEqualTo("size");
    }

    @Test
    void everyControllerValidatesItsRequestRecords() {
        // users (UserRequest), account (ResetRequest), forms (StartRequest), matching (Criteria), deviations,
        // framework agreements, login: one too-long field each.
        String longId = "i".repeat(InputLimits.ID + 1);
        assertSize(admin.post("/api/users", Map.of("username", longId, "firstName", "A", "lastName", "B",
                "email", "a@b.se")), "/username");
        assertSize(Api.at(port).post("/api/auth/password-reset", Map.of("username",
                "u".repeat(InputLimits.SHORT_TEXT + 1))), "/username");
        assertSize(admin.post("/api/responses", Map.of("methodId", longId)), "/methodId");
        assertSize(admin.post("/api/responses", Map.of("methodId", "m", "subject", Map.of("id", longId))),
                "/subject/id");
        assertSize(admin.post("/api/matching/search", Map.of("needs", List.of(longId))), "/needs/0");
        assertSize(admin.put("/api/register/framework-agreements/fa-" + UUID.randomUUID(),
                Map.of("name", "n".repeat(InputLimits.NAME + 1))), "/name");
        assertSize(Api.at(port).post("/api/auth/login", Map.of("username", "u", "password",
                "p".repeat(InputLimits.PASSWORD + 1))), "/password");
    }

    private void assertSize(Api.Response r, String pointer) {
        JsonNode p = r.expect(400).json();
        assertClean(p, "INVALID_REQUEST");
        assertThat(error(p, pointer).get("code").asString()).isEqualTo("size");
    }

    // ------------------------------------------------------------------ body size

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws IOException {
        // Only the head is sent: the answer comes without the server waiting for 100 MB.
        Raw r = raw("POST /api/register/providers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 104857600\r\nAuthorization: " + basic() + "\r\n\r\n", new byte[0]);
        assertThat(r.status).isEqualTo(413);
        assertClean(Api.json(r.body), "REQUEST_TOO_LARGE");
    }

    @Test
    void aStreamedBodyWithoutALengthIsCountedAndRefusedPastTheLimit() throws IOException {
        // 10 MB of one JSON string, chunked: no Content-Length to check up front.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        writeChunk(body, "{\"name\":\"".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < (InputLimits.JSON_BODY_BYTES / chunk.length) + 2; i++) {
            writeChunk(body, chunk);
        }
        writeChunk(body, "\"}".getBytes(StandardCharsets.US_ASCII));
        body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Raw r = raw("POST /api/register/providers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nAuthorization: " + basic() + "\r\n\r\n", body.toByteArray());
        assertThat(r.status).isEqualTo(413);
        assertClean(Api.json(r.body), "REQUEST_TOO_LARGE");
    }

    @Test
    void anUploadOverTheFileLimitIsRefusedWhileStreamingAndOverTheBodyLimitAtOnce() throws Exception {
        String providerId = admin.post("/api/register/providers", provider("Filernas Omsorg AB")).expect(201)
                .json().get("id").asString();
        String id = admin.post("/api/register/units", unit(providerId, "Filgården")).expect(201).json()
                .at("/unit/id").asString();
        // 11 MB of "PDF": under the 25 MB body limit, over the 10 MB document limit.
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/register/units/" + id
                        + "/documents?filename=stor.pdf")).header("Content-Type", "application/pdf")
                .header("Authorization", basic())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertClean(Api.json(r.body()), "REGISTER_FILE_TOO_LARGE");

        Raw huge = raw("POST /api/register/import HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + (InputLimits.UPLOAD_BODY_BYTES + 1) + "\r\nAuthorization: " + basic()
                + "\r\n\r\n", new byte[0]);
        assertThat(huge.status).isEqualTo(413);
        assertClean(Api.json(huge.body), "REQUEST_TOO_LARGE");
    }

    @Test
    void aBodyUnderTheByteLimitWithATenMegabyteStyleStringIsRefusedByTheFieldLimit() {
        JsonNode p = admin.post("/api/register/providers", provider("x".repeat(1024 * 1024))).expect(400).json();
        assertThat(error(p, "/name").get("code").asString()).isEqualTo("size");
    }

    // ------------------------------------------------------------------ clean problems (Jackson)

    @Test
    void aFractionIntoAnIntegerFieldIsRefusedNotTruncated() {
        JsonNode p = admin.post("/api/matching/search", "{\"age\": 1.9}").expect(400).json();
        assertClean(p, "MALFORMED_REQUEST");
        assertThat(error(p, "/age").get("code").asString()).isEqualTo("type");
    }

    @Test
    void aNumberIsNotReadFromAString() {
        JsonNode p = admin.post("/api/matching/search", "{\"maxPrice\": \"12\"}").expect(400).json();
        assertClean(p, "MALFORMED_REQUEST");
        assertThat(error(p, "/maxPrice").get("code").asString()).isEqualTo("type");
        JsonNode f = admin.post("/api/matching/search", "{\"maxDistanceKm\": \"12.5\"}").expect(400).json();
        assertThat(error(f, "/maxDistanceKm").get("code").asString()).isEqualTo("type");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonNode p = admin.post("/api/matching/search", "{\"age\": 12, \"age\": 14}").expect(400).json();
        assertClean(p, "MALFORMED_REQUEST");
        assertThat(error(p, "/age").get("code").asString()).isEqualTo("duplicate-key");
    }

    @Test
    void anUnknownPropertyIsRefusedWithItsPointerAndNoClassName() {
        JsonNode p = admin.post("/api/users", "{\"username\": \"x\", \"criteria\": {\"bogus\": 1}}").expect(400)
                .json();
        assertClean(p, "MALFORMED_REQUEST");
        assertThat(error(p, "/criteria").get("code").asString()).isEqualTo("unknown-property");
        JsonNode nested = admin.post("/api/matching/compare", "{\"criteria\": {\"bogus\": 1}, \"unitIds\": []}")
                .expect(400).json();
        assertThat(error(nested, "/criteria/bogus").get("code").asString()).isEqualTo("unknown-property");
    }

    @Test
    void aWrongTypeInsideAListIsPointedAt() {
        JsonNode p = admin.post("/api/matching/compare", "{\"unitIds\": [\"a\", {\"x\": 1}]}").expect(400).json();
        assertClean(p, "MALFORMED_REQUEST");
        assertThat(error(p, "/unitIds/1").get("code").asString()).isEqualTo("type");
    }

    @Test
    void brokenJsonIsASyntaxProblem() {
        JsonNode p = admin.post("/api/matching/search", "{\"age\": ").expect(400).json();
        assertClean(p, "MALFORMED_REQUEST");
        assertThat(p.at("/errors/0/code").asString()).isEqualTo("syntax");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() {
        JsonNode p = Api.at(port).get("/error").expect(404).json();
        assertClean(p, "HTTP_NOT_FOUND");
        admin.get("/error").expect(404);
    }

    // ------------------------------------------------------------------ small guards (item 16)

    @Test
    void aRuleWithAnInvalidPatternIsRefusedWithThePointerToTheRule() {
        String id = "regex-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> method = Map.of("kind", "method", "id", id, "title", "Mönster", "purpose", "survey",
                "areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                        Map.of("id", "namn", "text", "Namn", "kind", "background", "answerType", "text"),
                        Map.of("id", "a2", "text", "A2", "kind", "background", "answerType", "text",
                                "visibleWhen", "answers.namn.matches('[a-z')")))));
        JsonNode report = admin.post("/api/metadata/methods/validate", method).expect(200).json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(error(report, "/areas/0/questions/1/visibleWhen").get("code").asString()).isEqualTo("rule.regex");
        // Publishing compiles with the same MethodCompiler; no draft is stored here because other classes in
        // the shared context assert that every stored method is published.
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/app/", "/admin/", "/api/auth/me")) {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + path)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval")
                            .contains("frame-ancestors 'none'").contains("object-src 'none'"));
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The problem has the code and no Java class name, package or inner-class dollar in any text. */
    static void assertClean(JsonNode problem, String code) {
        assertThat(problem.get("code").asString()).isEqualTo(code);
        List<String> texts = new ArrayList<>();
        collect(problem, texts);
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain("$").doesNotContain("se.placera")
                .doesNotContain("java.").doesNotContain("tools.jackson"));
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isString()) {
            out.add(n.asString());
        }
        n.forEach(c -> collect(c, out));
        if (n.isObject()) {
            n.properties().forEach(e -> collect(e.getValue(), out));
        }
    }

    static JsonNode error(JsonNode problem, String pointer) {
        for (JsonNode e : problem.path("errors")) {
            if (pointer.equals(e.get("pointer").asString())) {
                return e;
            }
        }
        throw new AssertionError("No error at " + pointer + " in " + problem);
    }

    private static Map<String, Object> provider(String name) {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L;
        String digits = String.format("%010d", n);
        return Map.of("name", name, "orgNumber", digits.substring(0, 6) + "-" + digits.substring(6), "regi",
                "extern");
    }

    static Map<String, Object> unit(String providerId, String name) {
        Map<String, Object> u = new HashMap<>();
        u.put("providerId", providerId);
        u.put("name", name);
        u.put("municipality", "Uppsala");
        u.put("targetGroups", List.of("barn-unga"));
        u.put("placementForms", List.of("hvb-barn-unga"));
        u.put("places", 8);
        u.put("vacancies", 2);
        u.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "per-dygn", "perDay", 3000)));
        u.put("agreement", Map.of("type", "direktupphandling"));
        return u;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:placera-demo".getBytes(StandardCharsets.UTF_8));
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    record Raw(int status, String body) {
    }

    /** One request over a plain socket: what the HTTP client would not send (a lying length, chunks). */
    private Raw raw(String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException refusedMidway) {
                // The server answered and closed before taking everything: read what it said.
            }
            // Read up to the end of the problem body: the server may keep the connection open to drain the rest.
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            String response = "";
            int c;
            while ((c = in.read()) >= 0) {
                got.write(c);
                if (c == '}' || c == '\n') {
                    response = got.toString(StandardCharsets.UTF_8);
                    int headEnd = response.indexOf("\r\n\r\n");
                    if (headEnd > 0 && response.substring(headEnd).contains("}")
                            && (response.endsWith("}") || response.endsWith("0\r\n\r\n"))) {
                        break;
                    }
                }
            }
            response = got.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String rest = response.substring(split + 4);
            if (response.substring(0, split).toLowerCase().contains("transfer-encoding: chunked")) {
                rest = rest.substring(rest.indexOf("\r\n") + 2, rest.lastIndexOf("}") + 1);
            }
            return new Raw(status, rest);
        }
    }
}
