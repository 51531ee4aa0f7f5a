package se.placera.documents;

import java.util.List;
import java.util.Map;

/**
 * Printable books (the user manual): a title page, a table of contents with page numbers, and chapters written as
 * XHTML fragments, as one PDF (openhtmltopdf on PDFBox, the DejaVu fonts embedded so å, ä and ö print the same
 * everywhere). Callers pass the chapters and the images they name; none of the libraries shows through.
 */
public interface Books {

    /**
     * A chapter: {@code id} is the anchor its links use ({@code #id}); {@code xhtml} a well-formed XHTML fragment
     * (headings, paragraphs, lists, links, images). Its {@code h2} elements with an {@code id} are listed under it
     * in the table of contents. An {@code img} names its picture by a key of {@link Book#images()}.
     */
    record Chapter(String id, String title, String xhtml) {
    }

    /**
     * @param contentsTitle the heading of the table of contents ("Innehåll")
     * @param images        PNG or JPEG bytes by the name the chapters' {@code img src} use
     */
    record Book(String title, String subtitle, String produced, String contentsTitle, List<Chapter> chapters,
            Map<String, byte[]> images) {
    }

    /**
     * The book as PDF (A4).
     *
     * @throws IllegalArgumentException when a chapter is not well-formed XHTML or names an image the book lacks
     */
    byte[] pdf(Book book);
}
