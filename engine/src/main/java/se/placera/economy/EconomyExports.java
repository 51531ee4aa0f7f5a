package se.placera.economy;

import java.time.LocalDate;

/** Excel workbooks (.xlsx) of the cost views and of a reconciled invoice, with real numbers and number formats. */
public interface EconomyExports {

    /** The roll-up as {@link Costs#rollUp} gives it, a row per group and period and a total row. */
    byte[] rollUp(LocalDate from, LocalDate to, Costs.Dimension by, Costs.Period period);

    /** An invoice's lines with what was expected, and its flags with their decisions. */
    byte[] invoice(String id);
}
