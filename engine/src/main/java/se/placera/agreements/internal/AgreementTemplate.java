package se.placera.agreements.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** One published version of an {@code agreement-template} definition, as the agreements runtime reads it. */
record AgreementTemplate(String id, int version, String title, String agreementType, String appliesWhen,
        int priority, List<String> fields, List<FreeText> freeText, String body) {

    static final String PLACERINGSAVTAL = "placeringsavtal";
    static final String INDIVIDAVTAL = "individavtal";
    static final String TILLAGGSAVTAL = "tillaggsavtal";

    /** A part the caseworker writes; {@code maxLength} defaults to 4,000 characters. */
    record FreeText(String id, String title, String defaultText, int maxLength) {
    }

    boolean isSupplementary() {
        return TILLAGGSAVTAL.equals(agreementType);
    }

    static AgreementTemplate of(JsonNode content, int version) {
        List<String> fields = new ArrayList<>();
        content.path("fields").forEach(f -> fields.add(f.asString()));
        List<FreeText> free = new ArrayList<>();
        content.path("freeText").forEach(f -> free.add(new FreeText(f.path("id").asString(),
                f.path("title").asString(), f.path("default").asString(""), f.path("maxLength").asInt(4000))));
        JsonNode when = content.get("appliesWhen");
        return new AgreementTemplate(content.path("id").asString(), version, content.path("title").asString(),
                content.path("agreementType").asString(), when == null || when.isNull() ? null : when.asString(),
                content.path("priority").asInt(0), List.copyOf(fields), List.copyOf(free),
                content.path("body").asString());
    }

    /** Main agreements (placeringsavtal, individavtal) compete with each other; supplementary ones among themselves. */
    static String family(String agreementType) {
        return TILLAGGSAVTAL.equals(agreementType) ? TILLAGGSAVTAL : "huvudavtal";
    }
}
