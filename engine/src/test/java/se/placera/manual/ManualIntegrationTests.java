package se.placera.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/**
 * The manual in the app (US-7): every signed-in user reads the role pages as safe HTML with their screenshots, the
 * page of their own role marked; a provider user reads the provider page only (another role's page, image or PDF is
 * 404, no leak); nobody signed out reads anything. The PDF is read back with PDFBox: title page, contents, the
 * chapters' Swedish text and one embedded image per screenshot shown.
 */
class ManualIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    Api caseworker() {
        return Api.at(port).as("handlaggare", "placera-demo");
    }

    @Test
    void aCaseworkerReadsEveryRolesPageWithTheirOwnMarked() {
        JsonNode pages = caseworker().get("/api/manual").expect(200).json();
        assertThat(pages.findValuesAsString("id"))
                .containsExactly("caseworker", "administrator", "provider", "economist", "reader");
        assertThat(pages.get(0).get("title").asString()).isEqualTo("Handbok för handläggare");
        assertThat(pages.get(0).get("forYou").asBoolean()).isTrue();
        assertThat(pages.get(1).get("forYou").asBoolean()).isFalse();
        JsonNode reader = Api.at(port).as("lasare", "placera-demo").get("/api/manual").expect(200).json();
        assertThat(reader.findValuesAsString("id")).hasSize(5);
        assertThat(reader.get(4).get("forYou").asBoolean()).isTrue();
        assertThat(reader.get(0).get("forYou").asBoolean()).isFalse();

        JsonNode page = caseworker().get("/api/manual/pages/caseworker").expect(200).json();
        String html = page.get("html").asString();
        assertThat(html).contains("<h1 id=\"caseworker-handbok-for-handlaggare\">Handbok för handläggare</h1>",
                "<img src=\"/api/manual/images/case-view.png\"", "href=\"/app/handbok/provider\"")
                .doesNotContain("<script", "../screenshots");
        Api.Response image = caseworker().download("/api/manual/images/case-view.png").expect(200);
        assertThat(image.contentType()).startsWith("image/png");
        assertThat(image.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        JsonNode missing = caseworker().get("/api/manual/pages/finns-inte").expect(404).json();
        assertThat(missing.get("code").asString()).isEqualTo(Manual.PAGE_NOT_FOUND);
        assertThat(caseworker().download("/api/manual/images/finns-inte.png").expect(404).json().get("code").asString())
                .isEqualTo(Manual.IMAGE_NOT_FOUND);
        assertThat(caseworker().download("/api/manual/images/..%2F..%2Fapplication.yml").status()).isIn(400, 404);
    }

    @Test
    void nobodySignedOutReadsTheManual() {
        assertThat(Api.at(port).get("/api/manual").status()).isEqualTo(401);
        assertThat(Api.at(port).get("/api/manual/pages/caseworker").status()).isEqualTo(401);
        assertThat(Api.at(port).download("/api/manual/pdf").status()).isEqualTo(401);
    }

    @Test
    void aProviderUserReadsTheProviderManualOnly() {
        String providerId = admin().post("/api/register/providers", Map.of("name", unique("Handbokens Omsorg AB"),
                "orgNumber", orgNumber(), "regi", "extern")).expect(201).json().get("id").asString();
        String username = unique("utforare");
        admin().post("/api/provider-users", Map.of("username", username, "firstName", "Ulla", "lastName", "Utförare",
                "email", username + "@handbok.example", "providerId", providerId)).expect(201);
        Api.at(port).post("/api/auth/activate", Map.of("token",
                tokenIn(awaitMail(username + "@handbok.example", "Välkommen"), "/activate"), "password", PASSWORD))
                .expect(204);
        Api provider = Api.at(port).as(username, PASSWORD);

        JsonNode pages = provider.get("/api/manual").expect(200).json();
        assertThat(pages.findValuesAsString("id")).containsExactly("provider");
        assertThat(pages.get(0).get("forYou").asBoolean()).isTrue();
        assertThat(provider.get("/api/manual/pages/provider").expect(200).json().get("html").asString())
                .contains("Svara på en förfrågan");
        assertThat(provider.get("/api/manual/pages/caseworker").expect(404).json().get("code").asString())
                .isEqualTo(Manual.PAGE_NOT_FOUND);
        assertThat(provider.download("/api/manual/pages/caseworker/pdf").status()).isEqualTo(404);
        assertThat(provider.download("/api/manual/images/case-view.png").expect(404).json().get("code").asString())
                .isEqualTo(Manual.IMAGE_NOT_FOUND);
        try (PDDocument pdf = Loader.loadPDF(provider.download("/api/manual/pdf").expect(200).bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Handbok för utförare").doesNotContain("Handbok för handläggare");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theWholeManualIsAPrintablePdfWithContentsSwedishTextAndItsScreenshots() throws IOException {
        Api.Response response = caseworker().download("/api/manual/pdf").expect(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        Set<String> shown = new HashSet<>();
        for (String id : List.of("caseworker", "administrator", "provider", "economist", "reader")) {
            String html = caseworker().get("/api/manual/pages/" + id).expect(200).json().get("html").asString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/api/manual/images/([a-z0-9-]+\\.png)")
                    .matcher(html);
            while (m.find()) {
                shown.add(m.group(1));
            }
        }
        try (PDDocument pdf = Loader.loadPDF(response.bytes())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(pdf)).contains("Placera – handbok", "Utskriven 20");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String contents = stripper.getText(pdf);
            assertThat(contents).contains("Innehåll", "Handbok för handläggare", "Förfrågningar till utförare",
                    "Handbok för ekonomer");
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).contains("Användare och behörigheter",
                    "Svara på en förfrågan", "Kostnaderna som Excel", "Det här kan du göra", "å", "ä", "ö", "Å", "Ö");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
            assertThat(pdf.getDocumentCatalog().getDocumentOutline()).isNotNull();
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                images += images(page.getResources());
            }
            // One embedded picture per screenshot shown (a picture shown twice is drawn from its own copy).
            assertThat(images).isGreaterThanOrEqualTo(shown.size());
            assertThat(shown).hasSizeGreaterThanOrEqualTo(10);
        }
        // One role's manual alone.
        try (PDDocument pdf = Loader.loadPDF(caseworker().download("/api/manual/pages/provider/pdf").expect(200).bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Handbok för utförare", "Innehåll").doesNotContain("Handbok för ekonomer");
        }
    }

    private static int images(PDResources resources) throws IOException {
        int n = 0;
        for (COSName name : resources.getXObjectNames()) {
            var x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                n++;
            } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && form.getResources() != null) {
                n += images(form.getResources());
            }
        }
        return n;
    }

    private static String orgNumber() {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L;
        String digits = String.format("%010d", n);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }
}
