package se.placera.economy.internal;

import java.util.List;

import se.placera.shared.Problem;

/** A file that cannot be imported, with its problems by line ({@code /lines/<file line>}). */
class InvoiceFileException extends RuntimeException {

    private final transient List<Problem> problems;

    InvoiceFileException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
