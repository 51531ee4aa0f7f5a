package se.placera.placements;

import java.util.List;

/**
 * The keyed hash and the encrypted form of clients' personal identity numbers, for modules that keep client data
 * of their own (the Lifecare import): the same keys as the cases, so a number is never stored in the clear and
 * records of one client are found across modules by its hash.
 */
public interface ClientIdentities {

    /** The look-up hash (HMAC-SHA-256) of the number: equal numbers, equal hashes. */
    String lookupHash(PersonalIdentityNumber number);

    /** The number encrypted (AES-256-GCM, a fresh nonce each time). */
    String seal(PersonalIdentityNumber number);

    /** The ids of the cases of the client with this look-up hash (no access check: system use only). */
    List<String> caseIdsByHash(String lookupHash);
}
