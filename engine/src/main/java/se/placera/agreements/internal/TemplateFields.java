package se.placera.agreements.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The placement model an agreement template reads: every field by its name ({@code group.name}) with a sample
 * value (used to check a template on publish and to preview it). The body reads {@code ${placement.pricePerDay}};
 * the parts the caseworker writes are {@code ${free.<id>}}.
 */
final class TemplateFields {

    static final String FREE = "free";

    /** Field name → sample value (strings, or whole kronor/days as numbers). */
    static final Map<String, Object> SAMPLES = samples();

    private TemplateFields() {
    }

    static boolean exists(String field) {
        return SAMPLES.containsKey(field);
    }

    static Set<String> names() {
        return SAMPLES.keySet();
    }

    private static Map<String, Object> samples() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("municipality.name", "Exempelkommun");
        m.put("municipality.administration", "Socialförvaltningen");
        m.put("case.id", "c-0123456789");
        m.put("case.targetGroup", "barn-unga");
        m.put("case.placementForm", "hvb-barn-unga");
        m.put("case.legalBasis", "sol");
        m.put("case.responsible", "Anna Handläggare");
        m.put("client.name", "Elsa Åkesson");
        m.put("client.masked", "20120315-****");
        m.put("client.birthDate", "2012-03-15");
        m.put("placement.unitName", "Ängsgårdens HVB");
        m.put("placement.providerName", "Ängsgården Omsorg AB");
        m.put("placement.pricePerDay", 3450);
        m.put("placement.startDate", "2026-12-01");
        m.put("placement.decidedBy", "Anna Handläggare");
        m.put("placement.decidedAt", "2026-11-20");
        m.put("unit.id", "u-1");
        m.put("unit.name", "Ängsgårdens HVB");
        m.put("unit.municipality", "Uppsala");
        m.put("unit.address", "Ängsvägen 1, 752 20 Uppsala");
        m.put("unit.agreementType", "ramavtal");
        m.put("unit.noticePeriodDays", 30);
        m.put("provider.name", "Ängsgården Omsorg AB");
        m.put("provider.orgNumber", "556000-0000");
        m.put("framework.id", "ra-hvb-barn-unga");
        m.put("framework.name", "HVB Barn och unga");
        m.put("framework.validFrom", "2025-01-01");
        m.put("framework.validTo", "2028-12-31");
        m.put("agreement.number", "AVT-2026-0001");
        m.put("agreement.date", "2026-11-21");
        m.put("agreement.title", "Placeringsavtal");
        m.put("main.number", "AVT-2026-0001");
        m.put("main.date", "2026-11-21");
        m.put("main.pricePerDay", 3450);
        m.put("change.pricePerDay", 3600);
        m.put("change.validFrom", "2027-01-01");
        m.put("change.validTo", "");
        m.put("change.description", "Utökad bemanning nattetid.");
        return Map.copyOf(m);
    }

    /**
     * The nested model a template sees ({@code placement → {pricePerDay → …}}) from flat values, keeping only
     * {@code allowed} fields, plus the free-text parts under {@code free}.
     */
    static Map<String, Object> model(Map<String, Object> flat, java.util.Collection<String> allowed,
            Map<String, String> free) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (String field : allowed) {
            Object value = flat.get(field);
            if (value == null) {
                continue;
            }
            int dot = field.indexOf('.');
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) model.computeIfAbsent(field.substring(0, dot),
                    k -> new LinkedHashMap<String, Object>());
            group.put(field.substring(dot + 1), value);
        }
        model.put(FREE, new LinkedHashMap<>(free));
        return model;
    }
}
