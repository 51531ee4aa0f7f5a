package se.placera.documents.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import se.placera.documents.ReportDocuments;

/**
 * {@link ReportDocuments} with POI and OpenPDF. Charts are drawn with PDF path operators (rectangles, lines,
 * circles) into a template, so they stay sharp at any zoom and carry the very numbers of the table.
 */
@Component
class ReportDocumentWriter implements ReportDocuments {

    static final String SUPPRESSED = "..";
    private static final Color[] PALETTE = {new Color(0x1F, 0x5F, 0x99), new Color(0xD9, 0x7A, 0x1E),
            new Color(0x3E, 0x8E, 0x41), new Color(0x8E, 0x3E, 0x8E), new Color(0x99, 0x33, 0x33),
            new Color(0x55, 0x55, 0x55)};

    @Override
    public byte[] workbook(Report report) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            Set<String> names = new HashSet<>();
            for (Part part : report.parts()) {
                Sheet sheet = wb.createSheet(sheetName(part.title(), names));
                int r = 0;
                sheet.createRow(r++).createCell(0).setCellValue(part.title());
                Row header = sheet.createRow(r++);
                for (int c = 0; c < part.headers().size(); c++) {
                    header.createCell(c).setCellValue(part.headers().get(c));
                }
                for (List<Object> values : part.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        Object v = values.get(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            String h = part.headers().get(c);
                            cell.setCellStyle(part.percent().contains(h) ? percent
                                    : n instanceof Long || n instanceof Integer ? integer : decimal);
                        } else {
                            cell.setCellValue(v == null ? SUPPRESSED : v.toString());
                        }
                    }
                }
                for (int c = 0; c < part.headers().size(); c++) {
                    sheet.setColumnWidth(c, Math.min(60, Math.max(10, part.headers().get(c).length() + 2)) * 256);
                }
            }
            if (report.parts().isEmpty()) {
                wb.createSheet(sheetName(report.title(), names));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The workbook could not be written", e);
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ and unique. */
    private static String sheetName(String title, Set<String> taken) {
        String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        base = base.length() > 28 ? base.substring(0, 28) : base.isEmpty() ? "Blad" : base;
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase()); i++) {
            name = base + " " + i;
        }
        return name;
    }

    @Override
    public byte[] pdf(Report report) {
        try {
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            var out = new ByteArrayOutputStream();
            var pdf = new Document(PageSize.A4, 50, 50, 50, 50);
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            pdf.addTitle(report.title());
            pdf.addCreator("Placera");
            pdf.open();
            // Title page.
            Paragraph title = new Paragraph(report.title(), new Font(bold, 24));
            title.setSpacingBefore(180);
            pdf.add(title);
            if (report.description() != null) {
                Paragraph d = new Paragraph(report.description(), new Font(regular, 11));
                d.setSpacingBefore(12);
                pdf.add(d);
            }
            Paragraph date = new Paragraph("Framtagen " + report.produced(), new Font(regular, 11));
            date.setSpacingBefore(24);
            pdf.add(date);
            Paragraph filters = new Paragraph("Urval", new Font(bold, 12));
            filters.setSpacingBefore(12);
            pdf.add(filters);
            for (String line : report.lead()) {
                pdf.add(new Paragraph("• " + line, new Font(regular, 10)));
            }
            for (Part part : report.parts()) {
                pdf.newPage();
                pdf.add(new Paragraph(part.title(), new Font(bold, 14)));
                if (part.description() != null) {
                    pdf.add(new Paragraph(part.description(), new Font(regular, 9)));
                }
                if (!"table".equals(part.chart())) {
                    PdfContentByte cb = writer.getDirectContent();
                    PdfTemplate chart = cb.createTemplate(495, 230);
                    draw(chart, part, regular);
                    com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(chart);
                    image.setSpacingBefore(8);
                    pdf.add(image);
                }
                PdfPTable table = new PdfPTable(Math.max(1, part.headers().size()));
                table.setWidthPercentage(100);
                table.setSpacingBefore(10);
                table.setHeaderRows(1);
                for (String h : part.headers()) {
                    table.addCell(cell(h, new Font(bold, 8)));
                }
                for (List<Object> row : part.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        table.addCell(cell(format(row.get(c), part.percent().contains(part.headers().get(c))),
                                new Font(regular, 8)));
                    }
                }
                pdf.add(table);
            }
            pdf.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
    }

    static String format(Object v, boolean percent) {
        if (v == null) {
            return SUPPRESSED;
        }
        if (v instanceof Number n) {
            if (percent) {
                return String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f %%", n.doubleValue() * 100);
            }
            if (n instanceof Long || n instanceof Integer) {
                return n.toString();
            }
            return String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.2f", n.doubleValue());
        }
        return v.toString();
    }

    /** Draws the chart: axes, then bars, stacked bars, lines, points, or a key figure, with a legend. */
    private static void draw(PdfTemplate t, Part part, BaseFont font) {
        float w = t.getWidth();
        float h = t.getHeight();
        List<String> cats = part.categories();
        List<Series> series = part.series();
        if ("keyFigure".equals(part.chart())) {
            t.beginText();
            t.setFontAndSize(font, 28);
            float x = 10;
            for (Series s : series) {
                Double v = s.values().isEmpty() ? null : s.values().get(0);
                String text = v == null ? SUPPRESSED : format(v == Math.rint(v) && !part.percent().contains(s.name())
                        ? (Object) v.longValue() : v, part.percent().contains(s.name()));
                t.setFontAndSize(font, 26);
                t.showTextAligned(Element.ALIGN_LEFT, text, x, h - 60, 0);
                t.setFontAndSize(font, 8);
                t.showTextAligned(Element.ALIGN_LEFT, s.name().length() > 40 ? s.name().substring(0, 40) : s.name(),
                        x, h - 80, 0);
                x += w / Math.max(1, series.size());
            }
            t.endText();
            // A frame around each figure.
            for (int i = 0; i < series.size(); i++) {
                t.rectangle(5 + i * w / series.size(), h - 95, w / series.size() - 10, 60);
            }
            t.stroke();
            return;
        }
        float left = 40;
        float bottom = 40;
        float plotW = w - left - 10;
        float plotH = h - bottom - 30;
        double max = 0;
        boolean stacked = "stacked".equals(part.chart());
        for (int c = 0; c < cats.size(); c++) {
            double sum = 0;
            for (Series s : series) {
                Double v = s.values().get(c);
                if (v != null) {
                    max = Math.max(max, v);
                    sum += v;
                }
            }
            if (stacked) {
                max = Math.max(max, sum);
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        // Axes and grid lines.
        t.setLineWidth(0.5f);
        t.setColorStroke(Color.GRAY);
        t.moveTo(left, bottom);
        t.lineTo(left + plotW, bottom);
        t.moveTo(left, bottom);
        t.lineTo(left, bottom + plotH);
        t.stroke();
        t.beginText();
        t.setFontAndSize(font, 7);
        for (int g = 0; g <= 4; g++) {
            double v = max * g / 4;
            t.showTextAligned(Element.ALIGN_RIGHT, String.format(java.util.Locale.forLanguageTag("sv-SE"),
                    max < 2 ? "%.2f" : "%.0f", v), left - 3, bottom + (float) (plotH * g / 4) - 2, 0);
        }
        float slot = plotW / Math.max(1, cats.size());
        for (int c = 0; c < cats.size(); c++) {
            String label = cats.get(c) == null ? "" : cats.get(c);
            t.showTextAligned(Element.ALIGN_CENTER, label.length() > 18 ? label.substring(0, 17) + "…" : label,
                    left + slot * c + slot / 2, bottom - 10 - (c % 2) * 8, 0);
        }
        // Legend.
        for (int s = 0; s < series.size(); s++) {
            t.showTextAligned(Element.ALIGN_LEFT, series.get(s).name(), left + 12 + s * 120, h - 12, 0);
        }
        t.endText();
        for (int s = 0; s < series.size(); s++) {
            t.setColorFill(PALETTE[s % PALETTE.length]);
            t.rectangle(left + s * 120, h - 14, 8, 8);
            t.fill();
        }
        int n = series.size();
        float[] stack = new float[cats.size()];
        for (int s = 0; s < n; s++) {
            Color color = PALETTE[s % PALETTE.length];
            t.setColorFill(color);
            t.setColorStroke(color);
            List<Double> values = series.get(s).values();
            boolean started = false;
            for (int c = 0; c < cats.size(); c++) {
                Double v = values.get(c);
                float x0 = left + slot * c;
                if (v == null) {
                    started = false; // a gap where a value is suppressed
                    continue;
                }
                float y = (float) (plotH * v / max);
                switch (part.chart()) {
                    case "line" -> {
                        if (!started) {
                            t.moveTo(x0 + slot / 2, bottom + y);
                            started = true;
                        } else {
                            t.lineTo(x0 + slot / 2, bottom + y);
                        }
                    }
                    case "scatter" -> {
                        t.circle(x0 + slot / 2, bottom + y, 2.5f);
                        t.fill();
                    }
                    case "stacked" -> {
                        t.rectangle(x0 + slot * 0.15f, bottom + stack[c], slot * 0.7f, y);
                        t.fill();
                        stack[c] += y;
                    }
                    default -> {
                        float bw = slot * 0.8f / n;
                        t.rectangle(x0 + slot * 0.1f + s * bw, bottom, bw, y);
                        t.fill();
                    }
                }
            }
            if ("line".equals(part.chart())) {
                t.setLineWidth(1.5f);
                t.stroke();
            }
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, font)));
        c.setBorderWidth(0.5f);
        c.setPadding(3);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        return c;
    }
}
