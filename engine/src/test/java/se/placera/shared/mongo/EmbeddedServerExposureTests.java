package se.placera.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.Test;

/** The embedded server has no authentication: exposed only on loopback unless explicitly allowed. */
class EmbeddedServerExposureTests {

    static EmbeddedDatabaseProperties props(Integer port, String address, boolean allowRemote) {
        return new EmbeddedDatabaseProperties("./data", true, true,
                new EmbeddedDatabaseProperties.Backup(null, Duration.ZERO, 7), null, port, address, allowRemote);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aNonLoopbackAddressIsRefusedWithoutTheExplicitOverride() throws Exception {
        assertThatThrownBy(() -> new EmbeddedMongoConfiguration().embeddedMongoServer(H2Backend.inMemory(),
                props(freePort(), "0.0.0.0", false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no authentication")
                .hasMessageContaining("expose-allow-remote");
    }

    @Test
    void aLoopbackPortIsServedAndTheDefaultIsAnEphemeralLoopbackPort() throws Exception {
        int port = freePort();
        MongoServer exposed = new EmbeddedMongoConfiguration().embeddedMongoServer(H2Backend.inMemory(),
                props(port, "127.0.0.1", false));
        try {
            assertThat(exposed.getLocalAddress().getPort()).isEqualTo(port);
            assertThat(exposed.getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            exposed.shutdownNow();
        }
        MongoServer internal = new EmbeddedMongoConfiguration().embeddedMongoServer(H2Backend.inMemory(),
                props(null, "127.0.0.1", false));
        try {
            assertThat(internal.getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            internal.shutdownNow();
        }
    }
}
