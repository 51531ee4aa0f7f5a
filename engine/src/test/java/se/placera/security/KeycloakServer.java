package se.placera.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak from its distribution zip (unpacked by Maven into {@code target/keycloak}), started in
 * development mode on loopback with an in-memory database and the example realm of {@code docs/keycloak}.
 */
final class KeycloakServer {

    private static KeycloakServer instance;

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The one server of this test JVM, started on first use and stopped when the JVM exits. */
    static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/placera";
    }

    int port() {
        return port;
    }

    private static KeycloakServer start() {
        try {
            Path home = distribution();
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("placera-realm.json"), testRealm());
            int port = freePort();
            int management = freePort();
            Path log = Path.of("target/keycloak.log").toAbsolutePath();
            var pb = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                    "--db=dev-mem", "--cache=local", "--import-realm"))
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
            var server = new KeycloakServer(pb.start(), port, log);
            server.awaitReady(Duration.ofMinutes(5));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A public client of the same realm without Placera's audience mapper: its tokens are for someone else. */
    static final String OTHER_CLIENT = "annan-klient";

    /**
     * The example realm of docs/keycloak plus, for the tests only, {@link #OTHER_CLIENT}: a token it obtains is
     * signed by the realm and has the right issuer but not Placera's audience.
     */
    private static String testRealm() throws IOException {
        var mapper = se.placera.support.Api.mapper();
        var realm = (tools.jackson.databind.node.ObjectNode) mapper.readTree(
                Files.readString(Path.of("../docs/keycloak/placera-realm.json")));
        var other = ((tools.jackson.databind.node.ArrayNode) realm.get("clients")).addObject();
        other.put("clientId", OTHER_CLIENT);
        other.put("enabled", true);
        other.put("publicClient", true);
        other.put("protocol", "openid-connect");
        other.put("standardFlowEnabled", true);
        other.put("directAccessGrantsEnabled", false);
        other.putArray("redirectUris").add("http://127.0.0.1/login/oauth2/code/keycloak");
        other.putObject("attributes").put("pkce.code.challenge.method", "S256");
        return realm.toPrettyString();
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + timeout + ":\n" + tail());
    }

    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static Path distribution() throws IOException {
        Path root = Path.of("target/keycloak");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.exists(d.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + root.toAbsolutePath()
                            + ": the maven-dependency-plugin unpacks it in process-test-resources"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
