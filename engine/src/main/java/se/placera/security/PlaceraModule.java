package se.placera.security;

/** The modules permissions are granted per (US-4). */
public enum PlaceraModule {
    /** Placeringsadministration: cases, inquiries, agreements. */
    PLACEMENT,
    /** Uppföljning och metoder: filling in methods, follow-up. */
    FOLLOW_UP,
    /** Ekonomi. */
    ECONOMY,
    /** Placeringsindex. */
    INDEX,
    /** Rapporter. */
    REPORTS,
    /** Utförarregistret. */
    REGISTER,
    /** Administrationskonsolen: metadata, users. */
    ADMIN_CONSOLE
}
