package se.placera.agreements;

import java.net.URI;
import java.util.Map;

/**
 * An e-signature service (IN-3), one bean per service, chosen by {@link #id()}. The shapes the Swedish signing
 * services need: finish at once ({@link Signed}, the local provider), send the signer's browser to the service with
 * a signing request and take the response when it comes back ({@link Redirect}, then {@link #resume}: Sweden
 * Connect's signing service, eduSign), or be asked until done ({@link Pending}, then {@link #poll}: BankID). A
 * signing that fails or is abandoned ({@link Failed}) leaves the agreement unsigned, to be signed again.
 * Whatever a provider returns, the agreements module validates the signed PDF with DSS before it counts.
 */
public interface SigningProvider {

    /** The provider's id, e.g. {@code local}. */
    String id();

    Step start(Request request);

    /** The signer's browser came back from the service with its response (form fields). */
    default Step resume(String reference, Map<String, String> response) {
        return new Failed("The provider " + id() + " does not redirect.");
    }

    /** How a started signing goes. */
    default Step poll(String reference) {
        return new Failed("The provider " + id() + " cannot be polled.");
    }

    /**
     * @param signerId  a stable id of the signer (their user name)
     * @param role      {@code kommun} or {@code utforare}
     * @param returnUrl where a redirecting service sends the browser back
     */
    record Request(String agreementId, byte[] pdf, String signerId, String signerName, String organisation,
            String role, String reason, String returnUrl) {
    }

    sealed interface Step permits Signed, Redirect, Pending, Failed {
    }

    /** The PDF with the new signature. */
    record Signed(byte[] pdf) implements Step {
    }

    /** Send the browser to {@code url} (POST {@code form}); the answer comes back to {@link #resume}. */
    record Redirect(String reference, URI url, Map<String, String> form) implements Step {
    }

    /** Under way; ask again with {@link #poll}. */
    record Pending(String reference, String message) implements Step {
    }

    record Failed(String reason) implements Step {
    }
}
