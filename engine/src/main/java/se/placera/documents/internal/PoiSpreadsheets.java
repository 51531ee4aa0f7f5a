package se.placera.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import se.placera.documents.Spreadsheets;
import se.placera.shared.PlaceraException;

/** Apache POI behind {@link Spreadsheets}: streaming writes (large exports stay small in memory). */
@Component
class PoiSpreadsheets implements Spreadsheets {

    @Override
    public byte[] write(List<Sheet> sheets) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Sheet s : sheets) {
                var sheet = wb.createSheet(safeName(s.name()));
                Row h = sheet.createRow(0);
                for (int c = 0; c < s.headers().size(); c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(fit(s.headers().get(c)));
                    cell.setCellStyle(header);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> values : s.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        switch (v) {
                            case Number n -> cell.setCellValue(n.doubleValue());
                            case Boolean b -> cell.setCellValue(b);
                            case LocalDate d -> {
                                cell.setCellValue(d);
                                cell.setCellStyle(date);
                            }
                            default -> cell.setCellValue(fit(String.valueOf(v)));
                        }
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Sheet read(InputStream xlsx, String sheetName) {
        try (Workbook wb = new XSSFWorkbook(xlsx)) {
            var sheet = sheetName == null ? wb.getSheetAt(0) : wb.getSheet(sheetName);
            if (sheet == null) {
                throw PlaceraException.invalid("SPREADSHEET_SHEET_MISSING", "The workbook has no sheet '" + sheetName + "'.",
                        List.of());
            }
            DataFormatter formatter = new DataFormatter();
            List<String> headers = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            int width = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == sheet.getFirstRowNum()) {
                    for (Cell c : row) {
                        while (headers.size() < c.getColumnIndex()) {
                            headers.add("");
                        }
                        headers.add(formatter.formatCellValue(c).trim());
                    }
                    width = headers.size();
                    continue;
                }
                List<Object> values = new ArrayList<>();
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    Object v = value(row.getCell(c), formatter);
                    any |= v != null;
                    values.add(v);
                }
                if (any) {
                    while (rows.size() < row.getRowNum() - 1) {
                        rows.add(null); // keep row numbers: row i of the list is sheet row i + 2
                    }
                    rows.add(values);
                }
            }
            return new Sheet(sheet.getSheetName(), headers, rows);
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw PlaceraException.invalid("SPREADSHEET_UNREADABLE", "The file is not a readable .xlsx workbook.", List.of());
        }
    }

    private static Object value(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dt = cell.getLocalDateTimeCellValue();
                    yield dt == null ? null : dt.toLocalDate();
                }
                yield cell.getNumericCellValue();
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            case STRING -> {
                String s = cell.getStringCellValue().trim();
                yield s.isEmpty() ? null : s;
            }
            case BLANK, _NONE, ERROR -> null;
            default -> {
                String s = formatter.formatCellValue(cell).trim();
                yield s.isEmpty() ? null : s;
            }
        };
    }

    /** Most characters an Excel cell holds; POI throws on more. */
    static final int MAX_CELL = 32_767;
    static final String TRUNCATED = " […]";

    /** A text that fits one cell: longer ones are cut with a marker rather than failing the whole workbook. */
    static String fit(String text) {
        if (text == null || text.length() <= MAX_CELL) {
            return text;
        }
        int end = MAX_CELL - TRUNCATED.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + TRUNCATED;
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "Blad1" : name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return n.length() > 31 ? n.substring(0, 31) : n;
    }
}
