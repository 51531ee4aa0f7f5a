package se.placera.providers;

/** Identifies a unit (verksamhet) of a provider: what a placement is made at. */
public record UnitId(String value) {

    public UnitId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A unit id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
