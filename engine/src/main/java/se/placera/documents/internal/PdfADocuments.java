package se.placera.documents.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import jakarta.annotation.PreDestroy;

import se.placera.documents.ArchivalDocuments;

/**
 * Archival documents: FreeMarker (sandboxed) → XHTML → openhtmltopdf on PDFBox → PDF/A-2b, with the DejaVu Sans
 * fonts shipped in the jar (embedded, so å ä ö render the same everywhere) and the sRGB profile of the JDK as the
 * output intent; DOCX through docx4j; the check with veraPDF.
 */
@Component
class PdfADocuments implements ArchivalDocuments {

    static final String FONT_FAMILY = "DejaVu Sans";

    private final SandboxedXhtmlTemplates templates;
    private final String stylesheet;
    private final byte[] regular;
    private final byte[] bold;
    private final byte[] srgb;

    PdfADocuments(@Value("${placera.agreements.template-time-limit:PT2S}") Duration timeLimit) throws IOException {
        templates = new SandboxedXhtmlTemplates(timeLimit);
        stylesheet = resource("templates/agreements/agreement.css", true);
        regular = bytes("fonts/DejaVuSans.ttf");
        bold = bytes("fonts/DejaVuSans-Bold.ttf");
        srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    @PreDestroy
    void close() {
        templates.close();
    }

    @Override
    public List<TemplateProblem> check(String body, Map<String, Object> sampleModel) {
        try {
            String xhtml = render("check", body, sampleModel, "check");
            wellFormed(xhtml);
            return List.of();
        } catch (TemplateFailure e) {
            return List.of(e.problem());
        }
    }

    @Override
    public String render(String name, String body, Map<String, Object> model, String title) {
        String inner = templates.render(name, body, model);
        String xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv\" xml:lang=\"sv\"><head>"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>"
                + "<title>" + escape(title) + "</title><style>" + stylesheet + "</style></head><body>" + inner
                + "</body></html>";
        return xhtml;
    }

    @Override
    public byte[] pdfA(String xhtml, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgb);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withProducer("Placera");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The document cannot be written as PDF/A: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] docx(String xhtml) {
        try {
            Element body = (Element) wellFormed(xhtml).getElementsByTagName("body").item(0);
            WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
            MainDocumentPart main = pkg.getMainDocumentPart();
            blocks(body, main);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalArgumentException("The document cannot be written as DOCX: " + e.getMessage(), e);
        }
    }

    /** Block elements to paragraphs: headings keep their level, a table row becomes "cell – cell". */
    private static void blocks(Element parent, MainDocumentPart main) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String tag = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
            String text = e.getTextContent().strip().replaceAll("\\s+", " ");
            switch (tag) {
                case "h1" -> main.addStyledParagraphOfText("Title", text);
                case "h2" -> main.addStyledParagraphOfText("Heading1", text);
                case "h3", "h4" -> main.addStyledParagraphOfText("Heading2", text);
                case "p" -> main.addParagraphOfText(text);
                case "li" -> main.addStyledParagraphOfText("ListParagraph", "• " + text);
                case "tr" -> {
                    List<String> cells = new ArrayList<>();
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element cell) {
                            cells.add(cell.getTextContent().strip().replaceAll("\\s+", " "));
                        }
                    }
                    main.addParagraphOfText(String.join(" – ", cells));
                }
                default -> blocks(e, main);
            }
        }
    }

    @Override
    public Conformance conformance(byte[] pdf) {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage());
                }
            }
            return new Conformance(result.isCompliant(), "PDF/A-2B", List.copyOf(failures));
        } catch (Exception e) {
            return new Conformance(false, "PDF/A-2B", List.of("The PDF cannot be read: " + e.getMessage()));
        }
    }

    private static org.w3c.dom.Document wellFormed(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (org.xml.sax.SAXParseException e) {
            throw new TemplateFailure(new TemplateProblem(0, 0, null,
                    "The rendered template is not well-formed XHTML: " + e.getMessage()));
        } catch (Exception e) {
            throw new TemplateFailure(new TemplateProblem(0, 0, null, "The rendered template cannot be read: "
                    + e.getMessage()));
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A resource of the jar (fonts, stylesheets). */
    static byte[] bytes(String path) throws IOException {
        try (InputStream in = PdfADocuments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("Missing resource " + path);
            }
            return in.readAllBytes();
        }
    }

    private static String resource(String path, boolean required) throws IOException {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
