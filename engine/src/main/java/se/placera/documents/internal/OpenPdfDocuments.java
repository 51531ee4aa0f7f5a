package se.placera.documents.internal;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import se.placera.documents.Pdfs;

/** {@link Pdfs} with OpenPDF: Helvetica in Windows-1252, which holds å, ä, ö and é. */
@Component
class OpenPdfDocuments implements Pdfs {

    @Override
    public byte[] write(Document d) {
        try {
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            Font title = new Font(bold, 16);
            Font heading = new Font(bold, 12);
            Font text = new Font(regular, 10);
            Font label = new Font(bold, 10);
            var out = new ByteArrayOutputStream();
            var pdf = new com.lowagie.text.Document(PageSize.A4, 50, 50, 50, 50);
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(d.title());
            pdf.open();
            pdf.add(new Paragraph(d.title(), title));
            for (String line : d.lead()) {
                pdf.add(new Paragraph(line, text));
            }
            for (Section s : d.sections()) {
                Paragraph h = new Paragraph(s.heading(), heading);
                h.setSpacingBefore(12);
                h.setSpacingAfter(4);
                pdf.add(h);
                PdfPTable table = new PdfPTable(new float[] {2, 3});
                table.setWidthPercentage(100);
                for (Row r : s.rows()) {
                    table.addCell(cell(r.label(), label));
                    table.addCell(cell(r.value(), text));
                }
                pdf.add(table);
            }
            pdf.close();
            return out.toByteArray();
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(value == null ? "" : value, font)));
        c.setBorderWidth(0.5f);
        c.setPadding(4);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        return c;
    }
}
