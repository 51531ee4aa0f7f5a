package se.placera.documents;

import java.util.List;

/** Writing simple PDF documents (receipts): a title, lines under it, and sections of label–value rows. */
public interface Pdfs {

    /** One label and its value, e.g. a question and the answer given. */
    record Row(String label, String value) {
    }

    /** A heading with rows under it. */
    record Section(String heading, List<Row> rows) {
    }

    /** @param lead lines under the title (what it concerns, when, which id) */
    record Document(String title, List<String> lead, List<Section> sections) {
    }

    /** The document as PDF bytes (A4, Swedish characters kept). */
    byte[] write(Document document);
}
