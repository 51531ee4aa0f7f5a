package se.placera.metadata;

import java.util.List;

import se.placera.shared.Problem;

/** What a bundle import did or, with {@code validateOnly}, would do. */
public record ImportReport(boolean validateOnly, boolean applied, List<Item> items, List<Problem> errors) {

    /** Per entry: {@code created}, {@code unchanged} or {@code draft-updated}, and the resulting version. */
    public record Item(String kind, String id, String action, Integer version, DefinitionStatus status) {
    }
}
