package se.placera.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What the simulations share: the app's address, the settings read from system properties ({@code -Dload.*}),
 * and the browser's sign-in (session cookie and CSRF token, as runtime-ui's {@code client.ts} does it:
 * {@code GET /api/auth/csrf}, {@code POST /api/auth/login} with {@code X-XSRF-TOKEN}, then the new token).
 */
final class Load {

    private Load() {
    }

    static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");

    static int integer(String name, int fallback) {
        return Integer.getInteger("load." + name, fallback);
    }

    static double decimal(String name, double fallback) {
        String v = System.getProperty("load." + name);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v);
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL).acceptHeader("application/json").contentTypeHeader("application/json")
                .userAgentHeader("placera-load-tests").shareConnections();
    }

    /** Signs in as {@code #{username}} (or the given user) and keeps the CSRF token as {@code #{xsrf}}. */
    static ChainBuilder login(String username, String password) {
        return exec(http("GET /api/auth/csrf").get("/api/auth/csrf").check(status().is(200)))
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
                .exec(http("POST /api/auth/login").post("/api/auth/login").header("X-XSRF-TOKEN", "#{xsrf}")
                        .body(StringBody("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                        .check(status().is(200)))
                // A user whose sign-in failed stops here (its failure counts) instead of looping without a session.
                .exitHereIfFailed()
                // Spring issues a new token with the new session.
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")));
    }

    static String user() {
        return System.getProperty("load.user", "handlaggare");
    }

    static String password() {
        String env = System.getenv("PLACERA_DEMO_PASSWORD");
        return System.getProperty("load.password", env == null || env.isBlank() ? "placera-demo" : env);
    }

    /** The 1-minute load average of this machine when the simulation starts (it shares the cores with the app). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
