package se.placera.support;

import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Providers of the register for inquiry tests: a provider with a contact address and one HVB for young people
 * ({@link TestUnits}), and, for the provider portal, a provider user invited by mail and activated with a password.
 */
public final class TestProviders {

    private TestProviders() {
    }

    /** A provider of the register and its unit; {@code email} is the provider's contact (inquiry mails go there). */
    public record TestProvider(String providerId, String unitId, String unitName, String email) {
    }

    /** A random organisation number (NNNNNN-NNNN), unique enough for one test run. */
    public static String orgNumber() {
        return String.format("%06d-%04d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000,
                Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 10_000);
    }

    /** Creates "{name} AB" with the contact address {@code email} and its unit "{unitName}" (an HVB, Uppsala). */
    public static TestProvider withUnit(Api admin, String name, String unitName, String email) {
        String providerId = admin.post("/api/register/providers", Map.of("name", name + " AB", "orgNumber",
                orgNumber(), "regi", "extern", "contact", Map.of("name", "Kim Kontakt", "email", email)))
                .expect(201).json().get("id").asString();
        String unitId = admin.post("/api/register/units", TestUnits.hvbForYoungPeople(providerId, unitName))
                .expect(201).json().at("/unit/id").asString();
        return new TestProvider(providerId, unitId, unitName, email);
    }

    /**
     * A provider user of {@code providerId} ({@code username@utforare.example}), invited by the administrator and
     * activated with {@code password} through the link in the invitation read back from {@code mail}.
     */
    public static void activeProviderUser(Api admin, int port, GreenMail mail, String providerId, String username,
            String password) {
        String email = username + "@utforare.example";
        admin.post("/api/provider-users", Map.of("username", username, "firstName", "Ulla", "lastName", "Utförare",
                "email", email, "providerId", providerId)).expect(201);
        String token = Mails.tokenIn(Mails.await(mail, email, "Välkommen"), "/activate");
        Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", password)).expect(204);
    }
}
