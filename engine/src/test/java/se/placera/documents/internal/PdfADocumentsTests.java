package se.placera.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.placera.documents.ArchivalDocuments.Conformance;
import se.placera.documents.ArchivalDocuments.TemplateFailure;
import se.placera.documents.ArchivalDocuments.TemplateProblem;

/** Agreement bodies: the sandbox, the PDF/A-2b output checked with veraPDF (Swedish letters kept), DOCX. */
class PdfADocumentsTests {

    static PdfADocuments documents;

    static final String BODY = """
            <h1>Placeringsavtal för ${client.name}</h1>
            <p>Dygnsavgift: ${placement.pricePerDay} kronor. Åtagandet gäller från ${placement.startDate}.</p>
            <table><tr><th>Enhet</th><td>${placement.unitName}</td></tr></table>
            <p class="fritext">${free.villkor}</p>
            """;

    static final Map<String, Object> MODEL = Map.of(
            "client", Map.of("name", "Åsa Öberg"),
            "placement", Map.of("pricePerDay", 3450, "startDate", "2026-12-01", "unitName", "Ängsgårdens HVB"),
            "free", Map.of("villkor", "Särskild överenskommelse om skolgång & <resor>."));

    @BeforeAll
    static void start() throws Exception {
        documents = new PdfADocuments(Duration.ofMillis(500));
    }

    @AfterAll
    static void stop() {
        documents.close();
    }

    @Test
    void writesPdfA2bWithSwedishLettersThatVeraPdfAccepts() throws Exception {
        String xhtml = documents.render("t", BODY, MODEL, "Placeringsavtal");
        assertThat(xhtml).contains("&amp; &lt;resor&gt;"); // free text is escaped, not markup
        byte[] pdf = documents.pdfA(xhtml, "Placeringsavtal");

        Conformance conformance = documents.conformance(pdf);
        assertThat(conformance.failures()).isEmpty();
        assertThat(conformance.compliant()).isTrue();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Åsa Öberg", "Ängsgårdens HVB", "Åtagandet gäller", "skolgång");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @Test
    void aPlainPdfIsNotPdfA() {
        byte[] plain = new OpenPdfDocuments().write(new se.placera.documents.Pdfs.Document("Kvitto", List.of("x"),
                List.of()));
        assertThat(documents.conformance(plain).compliant()).isFalse();
    }

    @Test
    void writesDocx() throws Exception {
        byte[] docx = documents.docx(documents.render("t", BODY, MODEL, "Placeringsavtal"));
        StringBuilder xml = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    xml.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(xml).contains("Placeringsavtal för Åsa Öberg", "Enhet – Ängsgårdens HVB");
    }

    @Test
    void aMissingValueIsReportedWithItsLine() {
        List<TemplateProblem> problems = documents.check("<p>x</p>\n<p>${placement.nope}</p>", MODEL);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("placement.nope");
        });
    }

    @Test
    void aTemplateThatDoesNotParseIsReported() {
        assertThat(documents.check("<p><#if x></p>", MODEL)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not parse"));
        assertThat(documents.check("<p>unclosed", MODEL)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("well-formed"));
    }

    @Test
    void theSandboxRefusesNewApiAndClassAccess() {
        assertThat(documents.check("<#assign e = \"freemarker.template.utility.Execute\"?new()>${e(\"id\")}", MODEL))
                .singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("not allowed"));
        // Even a harmless FreeMarker class (which FreeMarker's default "safer" resolver would allow) is refused.
        assertThat(documents.check("<#assign h = \"freemarker.template.SimpleHash\"?new()>${h?size}", MODEL))
                .singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("not allowed"));
        assertThat(documents.check("${client.name?api.getClass()}", MODEL)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("api"));
        assertThat(documents.check("${client.name.getClass()}", MODEL)).hasSize(1);
    }

    @Test
    void aTemplateThatRunsTooLongIsStopped() {
        assertThatThrownBy(() -> documents.render("t", "<#list 1..2000000000 as i><#if i == -1>x</#if></#list>",
                MODEL, "x"))
                .isInstanceOf(TemplateFailure.class).hasMessageContaining("longer than 500 ms");
    }
}
