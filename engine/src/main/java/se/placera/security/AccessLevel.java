package se.placera.security;

/** US-4: READ sees reports, WRITE also enters data, ADMIN also administers. Each level includes the ones before. */
public enum AccessLevel {
    READ, WRITE, ADMIN;

    public boolean includes(AccessLevel other) {
        return compareTo(other) >= 0;
    }
}
