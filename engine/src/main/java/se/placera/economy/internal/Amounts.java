package se.placera.economy.internal;

import java.math.BigDecimal;

/** Amounts from files: kronor as text with a point or comma, at most two decimals, to öre. */
final class Amounts {

    private Amounts() {
    }

    /** Öre of a kronor amount ({@code 4250}, {@code 4 250,50}, {@code 4250.5}); throws on anything else. */
    static long ore(String kronor) {
        if (kronor == null || kronor.isBlank()) {
            throw new NumberFormatException("empty");
        }
        String s = kronor.trim().replace("\u00a0", "").replace(" ", "").replace(',', '.');
        if (s.length() > 20) {
            throw new NumberFormatException("too long");
        }
        BigDecimal v = new BigDecimal(s);
        if (v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
            throw new NumberFormatException("more than two decimals");
        }
        return v.movePointRight(2).setScale(0).longValueExact();
    }

    /** Whole days of a quantity ({@code 31}, {@code 31.00}); throws on a fraction. */
    static long days(String quantity) {
        String s = quantity == null ? "" : quantity.trim().replace(',', '.');
        if (s.length() > 20) {
            throw new NumberFormatException("too long");
        }
        return new BigDecimal(s).stripTrailingZeros().longValueExact();
    }
}
