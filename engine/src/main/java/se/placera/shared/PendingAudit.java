package se.placera.shared;

import java.time.Instant;

/**
 * An audit entry waiting on the document whose change it records (a transactional outbox without
 * transactions): the owning module writes the change and this entry in one single-document write, and the
 * {@link Outbox} then appends the entry to the audit log, publishes the owner's follow-up events and removes
 * the entry with a conditional update. The id is stable ({@code documentId@revision}), so a delivery that is
 * retried after a failure or a crash never appends a second audit entry.
 *
 * @param entryId             stable id: the document id and the revision the write produced
 * @param at                  when the change was made
 * @param actor               who made it (the delivery may run later, without a signed-in user)
 * @param actorAdministration the actor's home administration
 * @param audited             the entry itself
 */
public record PendingAudit(String entryId, Instant at, String actor, String actorAdministration, Audited audited) {

    /** The stable id of the entry of a document's write that produced {@code revision}. */
    public static String idOf(String documentId, Long revision) {
        return documentId + "@" + (revision == null ? 0 : revision);
    }
}
