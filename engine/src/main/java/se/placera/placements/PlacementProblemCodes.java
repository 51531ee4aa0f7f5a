package se.placera.placements;

/** Stable problem codes of placement cases (docs/cases.md lists them with their statuses). */
public final class PlacementProblemCodes {

    public static final String NOT_FOUND = "CASE_NOT_FOUND";
    public static final String FORBIDDEN = "CASE_FORBIDDEN";
    public static final String INVALID = "CASE_INVALID";
    public static final String NO_PROCESS = "CASE_NO_PROCESS";
    public static final String UNKNOWN_ACTION = "CASE_UNKNOWN_ACTION";
    public static final String TRANSITION_NOT_ALLOWED = "CASE_TRANSITION_NOT_ALLOWED";
    public static final String NOT_YOUR_ACTION = "CASE_NOT_YOUR_ACTION";
    public static final String GUARD_FAILED = "CASE_GUARD_FAILED";
    public static final String METHOD_REQUIRED = "CASE_METHOD_REQUIRED";
    /** A transition that records the placement was asked for without one (it is taken by choosing an answer). */
    public static final String PLACEMENT_REQUIRED = "CASE_PLACEMENT_REQUIRED";
    public static final String CHANGED = "CASE_CHANGED";

    private PlacementProblemCodes() {
    }
}
