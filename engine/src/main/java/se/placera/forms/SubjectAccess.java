package se.placera.forms;

/**
 * Who, besides its creator, may read and continue a response filled in on a subject. The module that owns a kind
 * of subject implements it: for a placement case, those involved in the case now (the responsible caseworker — so a
 * case's documents move with it when it is transferred — the coordinator and the administration's placement
 * officers). A response on a subject no implementation claims stays its creator's.
 */
public interface SubjectAccess {

    /** The subject type this answers for, e.g. {@code case}. */
    String subjectType();

    /**
     * Whether the signed-in user may read and continue responses on the subject now (the method's own rights
     * still apply). Must not reveal anything: false for a subject that does not exist or that the user may not see.
     */
    boolean mayWorkOn(String subjectId);
}
