package se.placera.providers;

/** Identifies a provider (utförare, the organisation). */
public record ProviderId(String value) {

    public ProviderId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A provider id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
