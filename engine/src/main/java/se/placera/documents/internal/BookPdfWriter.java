package se.placera.documents.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import se.placera.documents.Books;

/**
 * {@link Books} with openhtmltopdf on PDFBox. The book is built as one XHTML DOM (never by pasting strings): a title
 * page, the table of contents (chapters and their {@code h2} sections, page numbers by CSS {@code target-counter}),
 * then each chapter on a new page. Images become {@code data:} URIs sized to fit the page; the PDF gets an outline
 * (bookmarks) of the same entries. DejaVu Sans is embedded.
 */
@Component
class BookPdfWriter implements Books {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String FONT = "DejaVu Sans";
    /** The printable area of A4 with the margins below, in millimetres (a little kept for the caption). */
    private static final double MAX_WIDTH_MM = 170;
    private static final double MAX_HEIGHT_MM = 215;
    private static final String CSS = """
            @page { size: A4; margin: 20mm 20mm 22mm 20mm;
              @bottom-center { content: counter(page); font-family: 'DejaVu Sans'; font-size: 9pt; color: #444; } }
            @page :first { @bottom-center { content: none; } }
            body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.45; color: #111; }
            .title-page { page-break-after: always; padding-top: 70mm; }
            .title-page h1 { font-size: 28pt; margin: 0 0 6mm 0; }
            .title-page .subtitle { font-size: 14pt; margin: 0 0 40mm 0; }
            .title-page .produced { font-size: 10pt; color: #444; }
            .contents ul { list-style: none; padding-left: 0; }
            .contents ul ul { padding-left: 8mm; }
            .contents li { margin: 1.5mm 0; }
            .contents a { color: #111; text-decoration: none; }
            .contents a::after { content: leader('.') target-counter(attr(href), page); }
            .chapter { page-break-before: always; }
            h1 { font-size: 20pt; margin: 0 0 5mm 0; }
            h2 { font-size: 14pt; margin: 7mm 0 2mm 0; page-break-after: avoid; }
            h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm 0; page-break-after: avoid; }
            img { display: block; margin: 3mm 0; border: 0.3mm solid #999; page-break-inside: avoid; }
            a { color: #0b4f8a; }
            code { font-family: 'DejaVu Sans'; background: #eee; }
            blockquote { margin: 3mm 0; padding-left: 4mm; border-left: 1mm solid #999; }
            """;

    private final byte[] regular;
    private final byte[] bold;

    BookPdfWriter() throws IOException {
        regular = PdfADocuments.bytes("fonts/DejaVuSans.ttf");
        bold = PdfADocuments.bytes("fonts/DejaVuSans-Bold.ttf");
    }

    @Override
    public byte[] pdf(Book book) {
        Document doc = assemble(book);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
            builder.withProducer("Placera");
            builder.withW3cDocument(doc, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The book cannot be written as PDF: " + e.getMessage(), e);
        }
    }

    /** The book's XHTML document: title page, contents, chapters, images inlined, bookmarks in the head. */
    Document assemble(Book book) {
        Document doc = parse("<html xmlns=\"" + XHTML + "\" lang=\"sv\"><head><title></title><style></style>"
                + "</head><body></body></html>");
        Element html = doc.getDocumentElement();
        Element head = (Element) html.getElementsByTagName("head").item(0);
        Element body = (Element) html.getElementsByTagName("body").item(0);
        head.getElementsByTagName("title").item(0).setTextContent(book.title());
        head.getElementsByTagName("style").item(0).setTextContent(CSS);

        Element titlePage = child(body, "div", "title-page");
        child(titlePage, "h1", null).setTextContent(book.title());
        child(titlePage, "p", "subtitle").setTextContent(book.subtitle());
        child(titlePage, "p", "produced").setTextContent(book.produced());

        Element contents = child(body, "div", "contents");
        child(contents, "h1", null).setTextContent(book.contentsTitle());
        Element list = child(contents, "ul", null);
        Element bookmarks = child(head, "bookmarks", null);
        for (Books.Chapter chapter : book.chapters()) {
            Element section = child(body, "div", "chapter");
            section.setAttribute("id", chapter.id());
            Element fragment = (Element) doc.importNode(parse("<div xmlns=\"" + XHTML + "\">" + chapter.xhtml()
                    + "</div>").getDocumentElement(), true);
            while (fragment.getFirstChild() != null) {
                section.appendChild(fragment.getFirstChild());
            }
            Element item = entry(list, chapter.id(), chapter.title());
            Element mark = mark(bookmarks, chapter.id(), chapter.title());
            Element sections = null;
            NodeList h2s = section.getElementsByTagNameNS(XHTML, "h2");
            for (int i = 0; i < h2s.getLength(); i++) {
                Element h2 = (Element) h2s.item(i);
                if (h2.getAttribute("id").isEmpty()) {
                    continue;
                }
                if (sections == null) {
                    sections = child(item, "ul", null);
                }
                String text = h2.getTextContent().strip();
                entry(sections, h2.getAttribute("id"), text);
                mark(mark, h2.getAttribute("id"), text);
            }
        }
        NodeList images = body.getElementsByTagNameNS(XHTML, "img");
        for (int i = 0; i < images.getLength(); i++) {
            inline((Element) images.item(i), book);
        }
        return doc;
    }

    private static Element entry(Element list, String id, String text) {
        Element li = child(list, "li", null);
        Element a = child(li, "a", null);
        a.setAttribute("href", "#" + id);
        a.setTextContent(text);
        return li;
    }

    private static Element mark(Element parent, String id, String text) {
        Element b = child(parent, "bookmark", null);
        b.setAttribute("name", text);
        b.setAttribute("href", "#" + id);
        return b;
    }

    /** The image as a data: URI, as wide as the page allows and no taller than a page. */
    private static void inline(Element img, Book book) {
        String name = img.getAttribute("src");
        byte[] bytes = book.images().get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("The book has no image " + name);
        }
        BufferedImage picture;
        try {
            picture = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("The image " + name + " cannot be read", e);
        }
        if (picture == null) {
            throw new IllegalArgumentException("The image " + name + " is not a PNG or JPEG");
        }
        double ratio = (double) picture.getHeight() / picture.getWidth();
        double width = Math.min(MAX_WIDTH_MM, MAX_HEIGHT_MM / ratio);
        String type = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 ? "image/jpeg"
                : "image/png";
        img.setAttribute("src", "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
        img.setAttribute("style", String.format(Locale.ROOT, "width: %.1fmm; height: %.1fmm", width, width * ratio));
    }

    private static Element child(Element parent, String tag, String cssClass) {
        Element e = parent.getOwnerDocument().createElementNS(XHTML, tag);
        if (cssClass != null) {
            e.setAttribute("class", cssClass);
        }
        parent.appendChild(e);
        return e;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("A chapter is not well-formed XHTML: " + e.getMessage(), e);
        }
    }
}
