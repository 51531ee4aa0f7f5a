package se.placera.security;

/** Role names. The identity issue replaces these with permissions per module and method. */
public final class Roles {
    /** Designs and publishes metadata (methods, codelists, areas). */
    public static final String ADMIN = "ADMIN";
    /** Fills in methods: caseworkers, coordinators. */
    public static final String CASEWORKER = "CASEWORKER";

    private Roles() {
    }
}
