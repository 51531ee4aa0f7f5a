package se.placera.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names in the order Swedish users expect: a–z, then å, ä, ö; case and accents second (Collator for sv-SE), nulls
 * last. Plain {@code String.compareTo} puts Ä before Å and every capital before every small letter.
 */
public final class SwedishOrder {

    private static final Collator COLLATOR = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

    static {
        COLLATOR.setStrength(Collator.TERTIARY);
    }

    /** Compares names; {@link Collator#compare} is synchronized, so one shared instance is safe across threads. */
    public static final Comparator<String> NAMES = Comparator.nullsLast(COLLATOR::compare);

    private SwedishOrder() {
    }
}
