package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.placera.support.AppIntegrationTest;

/** The built front ends are served at /app/ and /admin/, deep links get index.html, and the API stays closed. */
@AppIntegrationTest
class FrontendServingIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesBothAppsWithoutSigningIn() throws Exception {
        for (String base : new String[] {"/app/", "/admin/"}) {
            HttpResponse<String> r = get(base);
            assertThat(r.statusCode()).as(base).isEqualTo(200);
            assertThat(r.body()).contains("<div id=\"root\"></div>").contains("src=\"" + base + "assets/");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        }
    }

    @Test
    void deepLinksFallBackToTheAppsIndex() throws Exception {
        assertThat(get("/app/responses/abc/receipt").body()).contains("src=\"/app/assets/");
        assertThat(get("/admin/methods/new").body()).contains("src=\"/admin/assets/");
        assertThat(get("/admin/methods/vuxna-missbruk-uppfoljning/versions").statusCode()).isEqualTo(200);
    }

    @Test
    void assetsAreFilesAndMissingFilesAre404() throws Exception {
        String index = get("/app/").body();
        String asset = index.replaceAll("(?s).*src=\"(/app/assets/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> js = get(asset);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(get("/app/assets/missing-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void redirectsTheBarePathsAndKeepsTheApiProtected() throws Exception {
        HttpResponse<String> r = get("/admin");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/admin/");
        assertThat(get("/api/responses").statusCode()).isEqualTo(401);
    }
}
