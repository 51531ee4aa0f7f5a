package se.placera.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.documents.ArchivalDocuments;
import se.placera.placements.PlacementCases;
import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** PA-7: from a decided placement the caseworker makes the agreement from the template the rules choose. */
@AppIntegrationTest
class AgreementIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PlacementCases cases;

    @Autowired
    ArchivalDocuments documents;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    Api caseworker() {
        return Api.at(port).asCaseworker();
    }

    @Test
    void theRightTemplateIsChosenFilledEditedOnlyInItsFreeTextAndWrittenAsPdfAAndDocx() throws Exception {
        var placed = AgreementFixtures.placed(cases, admin(), caseworker(), "ramavtal", 30, "Åsa Öberg");
        JsonNode a = caseworker().post("/api/cases/" + placed.caseId() + "/agreements", Map.of()).expect(201).json();
        String id = a.get("id").asString();
        assertThat(a.get("templateId").asString()).isEqualTo("hvb-barn-unga-ramavtal");
        assertThat(a.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(a.get("status").asString()).isEqualTo("utkast");
        assertThat(a.get("pricePerDay").asLong()).isEqualTo(4100);
        assertThat(a.get("nextSigner").asString()).isEqualTo("kommun");
        assertThat(a.at("/freeText/1/id").asString()).isEqualTo("sarskildaVillkor");
        // One main agreement per case.
        caseworker().post("/api/cases/" + placed.caseId() + "/agreements", Map.of()).expect(409);

        // Free text only: a fixed clause cannot be written, a change names the revision read.
        long revision = a.get("revision").asLong();
        JsonNode fixed = caseworker().put("/api/agreements/" + id + "/free-text", Map.of("revision", revision,
                "freeText", Map.of("villkor4", "Inga villkor gäller."))).expect(400).json();
        assertThat(fixed.toString()).contains("/freeText/villkor4", "agreement.fixed-clause");
        caseworker().put("/api/agreements/" + id + "/free-text", Map.of("freeText",
                Map.of("sarskildaVillkor", "x"))).expect(428);
        JsonNode edited = caseworker().put("/api/agreements/" + id + "/free-text", Map.of("revision", revision,
                "freeText", Map.of("sarskildaVillkor", "Skolskjuts ordnas av utföraren & <kommunen> betalar."))).expect(200)
                .json();
        assertThat(edited.at("/freeText/1/text").asString()).startsWith("Skolskjuts");
        caseworker().put("/api/agreements/" + id + "/free-text", Map.of("revision", revision,
                "freeText", Map.of("sarskildaVillkor", "stale"))).expect(409);

        String preview = caseworker().download("/api/agreements/" + id + "/preview").text();
        assertThat(preview).contains("Åsa Öberg", "4100 kronor per dygn", "HVB Barn och unga", "30 dagar",
                "Ängsvägen 1, 752 20 Uppsala", "utföraren &amp; &lt;kommunen&gt; betalar");

        byte[] pdf = caseworker().download("/api/agreements/" + id + "/pdf").bytes();
        assertThat(documents.conformance(pdf).failures()).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Åsa Öberg", "Särskilda villkor", "Skolskjuts");
        }
        byte[] docx = caseworker().download("/api/agreements/" + id + "/docx").bytes();
        assertThat(documentXml(docx)).contains("Placeringsavtal – HVB barn och unga", "Skolskjuts");

        JsonNode list = caseworker().get("/api/cases/" + placed.caseId() + "/agreements").expect(200).json();
        assertThat(list).hasSize(1);
        assertThat(list.at("/0/history/1/action").asString()).isEqualTo("ändrat");
    }

    @Test
    void aDirectAwardTakesTheIndividualAgreement() {
        var placed = AgreementFixtures.placed(cases, admin(), caseworker(), "direktupphandling", 30, "Bo Ek");
        JsonNode a = caseworker().post("/api/cases/" + placed.caseId() + "/agreements", Map.of()).expect(201).json();
        assertThat(a.get("templateId").asString()).isEqualTo("direktupphandling");
        assertThat(a.get("agreementType").asString()).isEqualTo("individavtal");
    }

    @Test
    void noAgreementBeforeThePlacementIsDecided() {
        String caseId = AgreementFixtures.sentCase(caseworker(), "Ej Placerad");
        JsonNode refused = caseworker().post("/api/cases/" + caseId + "/agreements", Map.of()).expect(409).json();
        assertThat(refused.get("code").asString()).isEqualTo(AgreementProblemCodes.NO_PLACEMENT);
    }

    @Test
    void aTemplateThatCannotBeRenderedForThePlacementIsReportedAndNothingIsMade() {
        // The unit has no notice period, which the HVB template prints.
        var placed = AgreementFixtures.placed(cases, admin(), caseworker(), "ramavtal", null, "Cecilia Ås");
        JsonNode refused = caseworker().post("/api/cases/" + placed.caseId() + "/agreements", Map.of()).expect(400)
                .json();
        assertThat(refused.get("code").asString()).isEqualTo(AgreementProblemCodes.TEMPLATE_FAILED);
        assertThat(refused.toString()).contains("unit.noticePeriodDays", "line");
        assertThat(caseworker().get("/api/cases/" + placed.caseId() + "/agreements").expect(200).json()).isEmpty();
    }

    static String documentXml(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }
}
