package se.placera.providers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/** Builders of register records as the JSON a user sends, and raw-body HTTP for files and workbooks. */
final class RegisterFixtures {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final int port;
    final Api admin;
    final Api caseworker;

    RegisterFixtures(int port) {
        this.port = port;
        this.admin = Api.at(port).asAdmin();
        this.caseworker = Api.at(port).asCaseworker();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unique organisationsnummer NNNNNN-NNNN. */
    static String orgNumber() {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L;
        String digits = String.format("%010d", n);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    JsonNode createProvider(String name, String regi) {
        return admin.post("/api/register/providers", Map.of("name", name, "orgNumber", orgNumber(), "regi", regi,
                "contact", Map.of("name", "Kim Kontakt", "email", "kim@exempel.example"))).expect(201).json();
    }

    /** A HVB for young people in a tender area, with a valid IVO permit and a price per day. */
    static Map<String, Object> hvb(String providerId, String name, String tenderArea, int price) {
        Map<String, Object> u = new HashMap<>();
        u.put("providerId", providerId);
        u.put("name", name);
        u.put("municipality", "Uppsala");
        u.put("locality", "Uppsala");
        u.put("location", Map.of("lat", 59.858, "lon", 17.639));
        u.put("focus", "Behandling för ungdomar");
        u.put("targetGroups", List.of("barn-unga"));
        u.put("placementForms", List.of("hvb-barn-unga"));
        u.put("legalBases", List.of("sol", "lvu-3"));
        u.put("genders", List.of("pojke-man", "flicka-kvinna"));
        u.put("minAge", 13);
        u.put("maxAge", 17);
        u.put("needs", List.of("missbruk", "skolsvarigheter"));
        u.put("places", 8);
        u.put("vacancies", 2);
        u.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "per-dygn", "perDay", price)));
        u.put("agreement", Map.of("type", "direktupphandling"));
        u.put("tenderArea", tenderArea);
        u.put("noticePeriodDays", 30);
        u.put("ivoPermit", Map.of("number", "IVO-" + name.hashCode(), "scope", List.of("hvb-barn-unga"),
                "validFrom", "2019-01-01"));
        return u;
    }

    JsonNode createUnit(Map<String, Object> unit) {
        return admin.post("/api/register/units", unit).expect(201).json();
    }

    /** Sends raw bytes with a content type, as admin or caseworker. */
    Api.Response sendBytes(String method, String path, String contentType, byte[] body, boolean asAdmin) {
        try {
            String user = asAdmin ? "admin" : "handlaggare";
            String token = Base64.getEncoder().encodeToString((user + ":placera-demo")
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json, application/problem+json")
                    .header("Authorization", "Basic " + token).build();
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static LocalDate today() {
        return LocalDate.now();
    }
}
