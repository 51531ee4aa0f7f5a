package se.placera.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for tests against the running app: JSON in, status and JSON out. */
public final class Api {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null);
    }

    public Api as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token);
    }

    /** The demo users of application.yml. */
    public Api asAdmin() {
        return as("admin", "placera-demo");
    }

    /** The vendor's system administrator of application.yml. */
    public Api asSystemAdmin() {
        return as("leverantor", "placera-demo");
    }

    public Api asCaseworker() {
        return as("handlaggare", "placera-demo");
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, Object body) {
        return send(method, path, body, java.util.Map.of());
    }

    /** A request with extra headers (e.g. {@code If-Match}). */
    public Response send(String method, String path, Object body, java.util.Map<String, String> headers) {
        String json = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Accept", "application/json, application/problem+json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return exchange(b);
    }

    /** A multipart/form-data POST with one file part (uploads). */
    public Response upload(String path, String part, String filename, String contentType, byte[] content) {
        String boundary = "placera-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json, application/problem+json");
        return exchange(b);
    }

    /** A POST of a raw body with its own content type (file imports). */
    public Response raw(String path, String contentType, byte[] content) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json"));
    }

    /** A GET that accepts any content type (file downloads). */
    public Response download(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Accept", "*/*"));
    }

    private Response exchange(HttpRequest.Builder b) {
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A body of one field and the {@code revision} of the record at {@code readPath} as read now (an update must
     * name the revision it read); 0 when the record cannot be read (the update is then refused for another reason).
     */
    public java.util.Map<String, Object> revised(String readPath, String field, Object value) {
        Response read = get(readPath);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(field, value);
        body.put("revision", read.status() == 200 ? read.json().get("revision").asLong() : 0L);
        return body;
    }

    public static JsonNode json(String json) {
        return MAPPER.readTree(json);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A response: status, raw bytes, and the body as JSON when it is JSON. */
    public record Response(int status, byte[] bytes, String contentType) {

        public JsonNode json() {
            return bytes.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(bytes);
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Asserts the status and returns this, with the body in the failure message. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + text());
            }
            return this;
        }
    }
}
