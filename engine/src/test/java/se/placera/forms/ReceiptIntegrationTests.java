package se.placera.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * Issue #12: receipts and read-back show the labels of the answers (from the pinned method version and every
 * codelist item, retired ones too), never raw codes; the receipt is also a PDF.
 */
@AppIntegrationTest
class ReceiptIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;
    Api caseworker;

    @BeforeEach
    void clients() {
        admin = Api.at(port).asAdmin();
        caseworker = Api.at(port).asCaseworker();
    }

    void publish(String plural, Map<String, Object> content) {
        JsonNode saved = admin.post("/api/metadata/" + plural, content).expect(200).json();
        int version = saved.at("/definition/version").asInt();
        admin.post("/api/metadata/" + plural + "/" + content.get("id") + "/versions/" + version + "/publish", null)
                .expect(200);
    }

    static Map<String, Object> item(String value, String label, boolean active) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("label", label);
        if (!active) {
            m.put("active", false);
        }
        return m;
    }

    static Map<String, Object> codelist(List<Map<String, Object>> items) {
        return Map.of("kind", "codelist", "id", "kvitto-kon", "title", "Kön (kvittotest)", "items", items);
    }

    @Test
    void aSubmittedResponseCarriesTheLabelsOfItsAnswersAndAPdfReceipt() throws Exception {
        publish("codelists", codelist(List.of(item("pojke-man", "Pojke/man", true),
                item("flicka-kvinna", "Flicka/kvinna", true), item("annat", "Annat/vill ej uppge", true))));
        publish("methods", Map.of("kind", "method", "id", "kvitto-metod", "title", "Uppföljning – kvitto",
                "purpose", "evaluation", "subjectType", "placement",
                "areas", List.of(Map.of("id", "bakgrund", "title", "Bakgrund", "questions", List.of(
                        Map.of("id", "tillfalle", "text", "Vilket uppföljningstillfälle?", "kind", "background",
                                "answerType", "single", "required", true, "options", Map.of("static", List.of(
                                        Map.of("value", "forsta", "label", "Första uppföljningen"),
                                        Map.of("value", "andra", "label", "Andra uppföljningen")))),
                        Map.of("id", "kon", "text", "Kön", "kind", "background", "answerType", "single",
                                "options", Map.of("codelist", "kvitto-kon")),
                        Map.of("id", "andra", "text", "Andra i hushållet", "kind", "background",
                                "answerType", "multiple", "options", Map.of("codelist", "kvitto-kon")),
                        Map.of("id", "betyg", "text", "Bemötande", "kind", "rating", "scale", "1-5",
                                "scaleLabels", Map.of("5", "Mycket bra")))))));
        String id = caseworker.post("/api/responses", Map.of("methodId", "kvitto-metod",
                "subject", Map.of("type", "placement", "id", "P-17"))).expect(201).json().get("responseId").asString();
        caseworker.post("/api/responses/" + id + "/submit",
                caseworker.revised("/api/responses/" + id, "answers", Map.of("tillfalle", "forsta",
                "kon", "pojke-man", "andra", List.of("flicka-kvinna", "annat"), "betyg", 5))).expect(200);

        // Later the codelist retires two items (a value in use cannot be dropped): the receipt still names them.
        publish("codelists", codelist(List.of(item("pojke-man", "Pojke/man", false),
                item("flicka-kvinna", "Flicka/kvinna", false), item("annat", "Annat/vill ej uppge", true))));

        JsonNode read = caseworker.get("/api/responses/" + id).expect(200).json();
        assertThat(read.at("/answerLabels/tillfalle").asString()).isEqualTo("Första uppföljningen");
        assertThat(read.at("/answerLabels/kon").asString()).isEqualTo("Pojke/man");
        assertThat(read.at("/answerLabels/andra/0").asString()).isEqualTo("Flicka/kvinna");
        assertThat(read.at("/answerLabels/andra/1").asString()).isEqualTo("Annat/vill ej uppge");
        // Stored values stay codes.
        assertThat(read.at("/answers/kon").asString()).isEqualTo("pojke-man");

        byte[] pdf = caseworker.get("/api/responses/" + id + "/receipt.pdf").expect(200).bytes();
        String text = text(pdf);
        assertThat(text).contains("Kvitto: Uppföljning – kvitto", "Första uppföljningen", "Pojke/man",
                "Flicka/kvinna, Annat/vill ej uppge", "5 (Mycket bra)", "Avser: Placering P-17", id);
        assertThat(text).doesNotContain("forsta", "pojke-man");

        // A draft has no receipt; someone else's response does not exist.
        String draft = caseworker.post("/api/responses", Map.of("methodId", "kvitto-metod")).expect(201).json()
                .get("responseId").asString();
        assertThat(caseworker.get("/api/responses/" + draft + "/receipt.pdf").expect(409).json().get("code")
                .asString()).isEqualTo(FormProblemCodes.NOT_SUBMITTED);
        Api.at(port).as("omsorg", "placera-demo").get("/api/responses/" + id + "/receipt.pdf").expect(404);
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder sb = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            sb.append(extractor.getTextFromPage(p)).append('\n');
        }
        reader.close();
        return sb.toString();
    }
}
