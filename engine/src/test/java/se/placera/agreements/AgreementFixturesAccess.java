package se.placera.agreements;

import java.util.function.Supplier;

import se.placera.placements.PlacementCases;
import se.placera.support.Api;

/** {@link AgreementFixtures} for tests in other packages. */
public final class AgreementFixturesAccess {

    public record Placed(String caseId, String unitId, String providerId) {
    }

    private AgreementFixturesAccess() {
    }

    public static Placed placed(PlacementCases cases, Api admin, Api caseworker, String agreementType,
            Integer noticeDays, String clientName) {
        var p = AgreementFixtures.placed(cases, admin, caseworker, agreementType, noticeDays, clientName);
        return new Placed(p.caseId(), p.unitId(), p.providerId());
    }

    public static String provider(Api admin, String name) {
        return AgreementFixtures.provider(admin, name);
    }

    public static <T> T as(String username, Supplier<T> action) {
        return AgreementFixtures.as(username, action);
    }
}
