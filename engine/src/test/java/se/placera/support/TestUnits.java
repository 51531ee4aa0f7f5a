package se.placera.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for units of the register that tests send inquiries to. */
public final class TestUnits {

    private TestUnits() {
    }

    /**
     * An HVB for young people in Uppsala with two vacancies, LVU and SoL, and an IVO permit for the form, so that the
     * match list of a young person's HVB case finds it (POST /api/register/units).
     */
    public static Map<String, Object> hvbForYoungPeople(String providerId, String name) {
        Map<String, Object> u = new HashMap<>();
        u.put("providerId", providerId);
        u.put("name", name);
        u.put("municipality", "Uppsala");
        u.put("targetGroups", List.of("barn-unga"));
        u.put("placementForms", List.of("hvb-barn-unga"));
        u.put("legalBases", List.of("sol", "lvu-2", "lvu-3"));
        u.put("ivoPermit", Map.of("number", "IVO-" + Math.abs(name.hashCode()), "scope", List.of("hvb-barn-unga"),
                "validFrom", "2020-01-01", "validTo", "2035-12-31"));
        u.put("places", 8);
        u.put("vacancies", 2);
        u.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "per-dygn", "perDay", 4200)));
        return u;
    }
}
