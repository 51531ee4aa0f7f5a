package se.placera.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import se.placera.support.Api;

/**
 * A test client that behaves like the browser app: keeps cookies, sends {@code X-Requested-With} and echoes
 * the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} on state-changing requests (unless told not to).
 */
public final class Browser {

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private boolean sendCsrf = true;

    public Browser(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Browser(int port, CookieManager cookies) {
        this.base = "http://127.0.0.1:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser (its cookies) talking to another instance of the app, e.g. behind a load balancer. */
    public Browser at(int port) {
        return new Browser(port, cookies);
    }

    public Browser withoutCsrf() {
        sendCsrf = false;
        return this;
    }

    public Browser withCsrf() {
        sendCsrf = true;
        return this;
    }

    /** Signs in with the session login; fails unless 200. */
    public Api.Response login(String username, String password) {
        return post("/api/auth/login", Map.of("username", username, "password", password)).expect(200);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Replaces the session cookie (to replay an old session id). */
    public void setSessionCookie(String value) {
        var store = cookies.getCookieStore();
        store.getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
                .forEach(c -> store.remove(null, c));
        HttpCookie c = new HttpCookie("JSESSIONID", value);
        c.setPath("/");
        c.setVersion(0);
        store.add(URI.create(base), c);
    }

    public Api.Response get(String path) {
        return send("GET", path, null);
    }

    public Api.Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Api.Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Api.Response send(String method, String path, Object body) {
        return exchange(method, path, body).response();
    }

    /** A response with its headers. */
    public record Exchange(Api.Response response, java.net.http.HttpHeaders headers) {
    }

    public Exchange exchange(String method, String path, Object body) {
        try {
            String json = body == null ? null : body instanceof String s ? s : Api.mapper().writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Accept", "application/json, application/problem+json")
                    .header("X-Requested-With", "XMLHttpRequest");
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (sendCsrf && !method.equals("GET")) {
                cookie("XSRF-TOKEN").ifPresent(t -> b.header("X-XSRF-TOKEN", t));
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Exchange(new Api.Response(r.statusCode(), r.body(),
                    r.headers().firstValue("Content-Type").orElse("")), r.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
