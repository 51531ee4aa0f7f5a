package se.placera.placements;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personal identity number (personnummer, Skatteverket SKV 704) or coordination number
 * (samordningsnummer, SKV 707: the day of birth plus 60), checked by its date and its Luhn check digit and kept in
 * the twelve-digit canonical form {@code YYYYMMDDNNNC}. Never logged or audited in the clear: {@link #toString()}
 * masks it.
 *
 * <p>Accepted input: {@code YYYYMMDD-NNNC}, {@code YYYYMMDDNNNC}, {@code YYMMDD-NNNC}, {@code YYMMDD+NNNC} (a plus
 * sign for someone 100 years or older) and {@code YYMMDDNNNC}; a ten-digit number's century is taken relative to
 * {@code today}.
 */
public final class PersonalIdentityNumber {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{3})(\\d)$");

    private final String canonical;
    private final boolean coordinationNumber;
    private final LocalDate birthDate;

    private PersonalIdentityNumber(String canonical, boolean coordinationNumber, LocalDate birthDate) {
        this.canonical = canonical;
        this.coordinationNumber = coordinationNumber;
        this.birthDate = birthDate;
    }

    /** Why a number is not valid, as a stable code for problem details. */
    public enum Defect {
        /** Not one of the accepted shapes. */
        FORMAT("pnr.format"),
        /** The date (or the coordination number's date, day minus 60) does not exist or lies in the future. */
        DATE("pnr.date"),
        /** The Luhn check digit does not match. */
        CHECKSUM("pnr.checksum");

        private final String code;

        Defect(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Thrown by {@link #parse} with the defect found. */
    public static final class InvalidException extends IllegalArgumentException {
        private final Defect defect;

        InvalidException(Defect defect, String message) {
            super(message);
            this.defect = defect;
        }

        public Defect defect() {
            return defect;
        }
    }

    public static PersonalIdentityNumber parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String s = input == null ? "" : input.strip();
        Matcher m = FORMAT.matcher(s);
        if (s.length() > 13 || !m.matches()) {
            throw new InvalidException(Defect.FORMAT,
                    "Ange personnummer eller samordningsnummer som ÅÅÅÅMMDD-NNNN.");
        }
        int yy = Integer.parseInt(m.group(2));
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        String separator = m.group(5);
        String serial = m.group(6);
        String check = m.group(7);
        boolean coordination = day > 60;
        int realDay = coordination ? day - 60 : day;
        int year;
        if (m.group(1) != null) {
            year = Integer.parseInt(m.group(1) + m.group(2));
        } else {
            // Ten digits: the latest century that does not put the birth in the future; '+' adds a hundred years.
            int century = today.getYear() / 100 * 100;
            year = century + yy;
            if (year > today.getYear()) {
                year -= 100;
            }
            if ("+".equals(separator)) {
                year -= 100;
            }
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, realDay);
        } catch (DateTimeException e) {
            throw new InvalidException(Defect.DATE, "Datumet i numret finns inte.");
        }
        if (birth.isAfter(today) || year < 1870) {
            throw new InvalidException(Defect.DATE, "Datumet i numret är inte ett möjligt födelsedatum.");
        }
        String tenDigits = String.format("%02d%02d%02d", yy, month, day) + serial;
        if (luhn(tenDigits) != check.charAt(0) - '0') {
            throw new InvalidException(Defect.CHECKSUM, "Kontrollsiffran stämmer inte.");
        }
        String canonical = String.format("%04d%02d%02d", year, month, day) + serial + check;
        return new PersonalIdentityNumber(canonical, coordination, birth);
    }

    /** The Luhn check digit of the nine digits YYMMDDNNN. */
    static int luhn(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** {@code YYYYMMDDNNNC}: the form stored (encrypted) and hashed for look-up. */
    public String canonical() {
        return canonical;
    }

    /** {@code YYYYMMDD-NNNC}, for the rare screen that shows the full number (and audits the reveal). */
    public String formatted() {
        return canonical.substring(0, 8) + "-" + canonical.substring(8);
    }

    /** {@code YYYYMMDD-XXXX}: what lists and headings show. */
    public String masked() {
        return canonical.substring(0, 8) + "-XXXX";
    }

    public boolean isCoordinationNumber() {
        return coordinationNumber;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Whole years of age on a date. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalIdentityNumber p && p.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Masked: a number must never reach a log line or an exception message in the clear. */
    @Override
    public String toString() {
        return masked();
    }
}
