package kz.qorgau.ledger.note;

/**
 * A newly generated key pair in Go's text forms. The signer key is a secret: store it like a password
 * (e.g. an environment variable or a secrets manager), never in the database or a log.
 *
 * @param signerKey {@code PRIVATE+KEY+name+hexkeyid+base64(type ‖ seed)}
 * @param verifierKey {@code name+hexkeyid+base64(type ‖ public key)}, safe to publish
 */
public record NoteKeyPair(String signerKey, String verifierKey) {

    /** Shows the verifier key only. */
    @Override
    public String toString() {
        return "NoteKeyPair[verifierKey=" + verifierKey + ", signerKey=(secret)]";
    }
}
