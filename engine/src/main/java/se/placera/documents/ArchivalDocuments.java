package se.placera.documents;

import java.util.List;
import java.util.Map;

/**
 * Documents meant to be kept (agreements): an XHTML body written as a FreeMarker template, rendered sandboxed and
 * time-limited, turned into PDF/A-2b (openhtmltopdf on PDFBox, embedded fonts, sRGB output intent) or DOCX
 * (docx4j), and PDF/A conformance checked with veraPDF. Callers pass plain data (maps, lists, strings, numbers)
 * and get text or bytes back; none of the libraries shows through.
 */
public interface ArchivalDocuments {

    /**
     * Checks a template body: that it parses, and that it renders against {@code sampleModel} (every name it uses
     * is there). An empty list when it is fine.
     */
    List<TemplateProblem> check(String body, Map<String, Object> sampleModel);

    /**
     * Renders a template body to the XHTML document (the body wrapped in the application's stylesheet). Values are
     * XML-escaped; a missing value is an error.
     *
     * @throws TemplateFailure when it does not parse, names a value the model lacks, or runs out of time
     */
    String render(String name, String body, Map<String, Object> model, String title);

    /** The XHTML document as PDF/A-2b. */
    byte[] pdfA(String xhtml, String title);

    /** The XHTML document as DOCX (headings, paragraphs, lists and tables kept; for a provider to mark up). */
    byte[] docx(String xhtml);

    /** Checks a PDF against PDF/A-2b with veraPDF. */
    Conformance conformance(byte[] pdf);

    /** A problem in a template, where it is. {@code field}: the name the template used, when that was the fault. */
    record TemplateProblem(int line, int column, String field, String message) {
    }

    /** The PDF/A check: the failed rules (clause and message), empty when compliant. */
    record Conformance(boolean compliant, String flavour, List<String> failures) {
    }

    /** A template that cannot be rendered for the given data. */
    final class TemplateFailure extends RuntimeException {
        private final transient TemplateProblem problem;

        public TemplateFailure(TemplateProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public TemplateProblem problem() {
            return problem;
        }
    }
}
