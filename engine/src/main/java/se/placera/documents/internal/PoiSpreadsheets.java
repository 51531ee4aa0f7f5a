package se.placera.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import se.placera.documents.Spreadsheets;
import se.placera.documents.Spreadsheets.Choices;
import se.placera.documents.Spreadsheets.Format;
import se.placera.shared.PlaceraException;

/** Apache POI behind {@link Spreadsheets}: streaming writes (large exports stay small in memory). */
@Component
class PoiSpreadsheets implements Spreadsheets {

    /** Data rows a dropdown covers below the last written row, so that rows added by hand get it too. */
    static final int CHOICE_ROWS = 1000;
    /** Longest dropdown written into the validation itself (Excel's limit is 255 characters); longer ones go to a hidden sheet. */
    static final int INLINE_CHOICES = 250;
    static final String LISTS_SHEET = "Listor";

    @Override
    public byte[] write(List<Sheet> sheets) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            Map<Format, CellStyle> styles = new EnumMap<>(Format.class);
            for (Format f : Format.values()) {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(pattern(f)));
                styles.put(f, style);
            }
            CellStyle date = styles.get(Format.DATE);
            List<List<String>> longLists = new ArrayList<>();
            for (Sheet s : sheets) {
                SXSSFSheet sheet = wb.createSheet(safeName(s.name()));
                Row h = sheet.createRow(0);
                CellStyle[] columnStyles = new CellStyle[s.headers().size()];
                for (int c = 0; c < s.headers().size(); c++) {
                    String title = s.headers().get(c);
                    Cell cell = h.createCell(c);
                    cell.setCellValue(fit(title));
                    cell.setCellStyle(header);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(12, title == null ? 0 : title.length() + 3)) * 256);
                    Format f = s.formats().get(title);
                    columnStyles[c] = f == null ? null : styles.get(f);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> values : s.rows()) {
                    Row row = sheet.createRow(r++);
                    if (values == null) {
                        continue;
                    }
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        CellStyle style = c < columnStyles.length ? columnStyles[c] : null;
                        switch (v) {
                            case Number n -> {
                                cell.setCellValue(n.doubleValue());
                                if (style != null && style != date) {
                                    cell.setCellStyle(style);
                                }
                            }
                            case Boolean b -> cell.setCellValue(b);
                            case LocalDate d -> {
                                cell.setCellValue(d);
                                cell.setCellStyle(date);
                            }
                            default -> cell.setCellValue(fit(String.valueOf(v)));
                        }
                    }
                }
                int lastRow = Math.min(s.rows().size() + CHOICE_ROWS, MAX_ROW);
                s.choices().forEach((title, choices) -> {
                    int column = s.headers().indexOf(title);
                    if (column >= 0 && !choices.values().isEmpty()) {
                        validate(wb, sheet, column, lastRow, choices, longLists);
                    }
                });
            }
            if (!longLists.isEmpty()) {
                SXSSFSheet lists = wb.createSheet(LISTS_SHEET);
                int longest = longLists.stream().mapToInt(List::size).max().orElse(0);
                for (int r = 0; r < longest; r++) {
                    Row row = lists.createRow(r);
                    for (int c = 0; c < longLists.size(); c++) {
                        if (r < longLists.get(c).size()) {
                            row.createCell(c).setCellValue(longLists.get(c).get(r));
                        }
                    }
                }
                wb.setSheetHidden(wb.getSheetIndex(lists), true);
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dropdown on the column's data rows: the values inline, or a named range on the hidden lists sheet. */
    private static void validate(SXSSFWorkbook wb, SXSSFSheet sheet, int column, int lastRow, Choices choices,
            List<List<String>> longLists) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint;
        boolean inline = String.join(",", choices.values()).length() <= INLINE_CHOICES
                && choices.values().stream().noneMatch(v -> v.contains(",") || v.contains("\""));
        if (inline) {
            constraint = helper.createExplicitListConstraint(choices.values().toArray(String[]::new));
        } else {
            int index = longLists.indexOf(choices.values());
            if (index < 0) {
                longLists.add(choices.values());
                index = longLists.size() - 1;
                Name name = wb.createName();
                name.setNameName("lista" + (index + 1));
                String col = CellReference.convertNumToColString(index);
                name.setRefersToFormula(LISTS_SHEET + "!$" + col + "$1:$" + col + "$" + choices.values().size());
            }
            constraint = helper.createFormulaListConstraint("lista" + (index + 1));
        }
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(choices.strict() ? DataValidation.ErrorStyle.STOP
                : DataValidation.ErrorStyle.INFO);
        validation.createErrorBox("Värde utanför listan", choices.strict() ? "Välj ett värde i listan."
                : "Värdet finns inte i listan. Flera värden skiljs med komma; importen kontrollerar varje värde.");
        if (choices.prompt() != null) {
            validation.setShowPromptBox(true);
            validation.createPromptBox(null, choices.prompt());
        }
        validation.setSuppressDropDownArrow(true); // for XSSF, true shows the arrow
        sheet.addValidationData(validation);
    }

    static String pattern(Format f) {
        return switch (f) {
            case INTEGER -> "0";
            case DECIMAL -> "0.0";
            case PERCENT -> "0.0%";
            case AMOUNT -> "#,##0";
            case MONEY -> "#,##0.00";
            case DATE -> "yyyy-mm-dd";
        };
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
    /** The last row index of a sheet. */
    static final int MAX_ROW = 1_048_575;
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
