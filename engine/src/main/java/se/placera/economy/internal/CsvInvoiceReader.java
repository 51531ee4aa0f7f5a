package se.placera.economy.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.placera.shared.Problem;

/**
 * Reads an invoice exported as CSV (UTF-8, {@code ;} or {@code ,} between fields, a header row). Columns, in any
 * order: {@code fakturanummer}, {@code leverantor}, {@code orgnr}, {@code fakturadatum}, {@code placering},
 * {@code beskrivning} (optional), {@code fran}, {@code till}, {@code dagar}, {@code pris}, {@code belopp}. One
 * invoice per file; amounts in kronor with at most two decimals. Quoted fields with {@code ""} escapes are read.
 */
final class CsvInvoiceReader {

    static final List<String> REQUIRED = List.of("fakturanummer", "leverantor", "orgnr", "fakturadatum", "placering",
            "fran", "till", "dagar", "pris", "belopp");
    private static final int MAX_PROBLEMS = 50;

    private CsvInvoiceReader() {
    }

    static ParsedInvoice read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        String[] rows = text.split("\r?\n", -1);
        List<Problem> problems = new ArrayList<>();
        if (rows.length == 0 || rows[0].isBlank()) {
            throw new InvoiceFileException("Empty file.", List.of(new Problem("/lines/1", "empty", "Rad 1: filen är tom.")));
        }
        char sep = rows[0].indexOf(';') >= 0 ? ';' : ',';
        List<String> header = fields(rows[0], sep).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                problems.add(new Problem("/lines/1", "column", "Rad 1: kolumnen '" + r + "' saknas."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvoiceFileException("The CSV file lacks columns; nothing was imported.", problems);
        }
        String number = null;
        String supplier = null;
        String org = null;
        LocalDate issue = null;
        List<ParsedInvoice.Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.length && problems.size() < MAX_PROBLEMS; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            int at = i + 1;
            List<String> f = fields(rows[i], sep);
            java.util.function.Function<String, String> v = c -> col.get(c) < f.size() ? f.get(col.get(c)).trim() : "";
            if (number == null) {
                number = v.apply("fakturanummer");
                supplier = v.apply("leverantor");
                org = v.apply("orgnr");
                issue = date(v.apply("fakturadatum"), at, "fakturadatum", problems);
            } else if (!number.equals(v.apply("fakturanummer"))) {
                problems.add(new Problem("/lines/" + at, "several-invoices", "Rad " + at
                        + ": en fil får bara innehålla en faktura (fakturanummer " + number + ")."));
            }
            String ref = v.apply("placering");
            if (ref.isEmpty()) {
                problems.add(new Problem("/lines/" + at, "no-placement",
                        "Rad " + at + ": raden anger ingen placering och kan inte matchas."));
            }
            LocalDate from = date(v.apply("fran"), at, "fran", problems);
            LocalDate to = date(v.apply("till"), at, "till", problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new Problem("/lines/" + at, "period", "Rad " + at + ": perioden slutar före den börjar."));
            }
            Long days = number(v.apply("dagar"), at, "dagar", true, problems);
            Long price = number(v.apply("pris"), at, "pris", false, problems);
            Long amount = number(v.apply("belopp"), at, "belopp", false, problems);
            if (problems.isEmpty()) {
                lines.add(new ParsedInvoice.Line(String.valueOf(lines.size() + 1), at, ref,
                        col.containsKey("beskrivning") ? v.apply("beskrivning") : null, from, to, days, price, amount));
            }
        }
        if (number == null && problems.isEmpty()) {
            problems.add(new Problem("/lines/2", "no-lines", "Rad 2: filen har inga fakturarader."));
        }
        if (!problems.isEmpty()) {
            throw new InvoiceFileException("The invoice has lines that cannot be read; nothing was imported.",
                    problems);
        }
        return new ParsedInvoice("csv", supplier, org, number, issue, "SEK", null, lines);
    }

    /** The fields of one CSV row; quotes may hold the separator and doubled quotes. */
    static List<String> fields(String row, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static LocalDate date(String s, int at, String field, List<Problem> problems) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("/lines/" + at, "date", "Rad " + at + ": " + field + " är inget datum (ÅÅÅÅ-MM-DD): " + s));
            return null;
        }
    }

    private static Long number(String s, int at, String what, boolean wholeDays, List<Problem> problems) {
        try {
            return wholeDays ? Amounts.days(s) : Amounts.ore(s);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("/lines/" + at, "number", "Rad " + at + ": " + what + " är inte ett giltigt tal: " + s));
            return null;
        }
    }
}
