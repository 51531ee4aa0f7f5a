package se.placera.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * {@code POST /api/admin/backups} is for a system administrator only. In the shared test app the database is in
 * memory, so an administrator gets a clear refusal (nothing to back up), everyone else a 403.
 */
@AppIntegrationTest
class EmbeddedBackupEndpointIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void onlyASystemAdministratorMayTakeABackup() {
        Api api = Api.at(port);
        assertThat(api.asCaseworker().post("/api/admin/backups", null).status()).isEqualTo(403);
        assertThat(api.as("lasare", "placera-demo").get("/api/admin/backups").status()).isEqualTo(403);
        assertThat(api.post("/api/admin/backups", null).status()).isEqualTo(401);

        // A municipality's own administrator is not the vendor's: the backup holds every municipality's data.
        assertThat(api.asAdmin().post("/api/admin/backups", null).status()).isEqualTo(403);
        assertThat(api.asAdmin().get("/api/admin/backups").status()).isEqualTo(403);

        var refused = api.asSystemAdmin().post("/api/admin/backups", null).expect(409).json();
        assertThat(refused.get("code").asString()).isEqualTo("database.backup-unavailable");
        api.asSystemAdmin().get("/api/admin/backups").expect(200);
    }
}
