package kz.qorgau.ledger.note;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A signature on a note that a known key verified.
 *
 * @param verifier the key that verified it
 * @param signature the signature line
 */
public record VerifiedSignature(NoteVerifier verifier, NoteSignature signature) {

    /** When a witness cosigned, for a {@link CosignatureVerifier}; empty for a plain signature. */
    public Optional<Instant> cosignedAt() {
        if (!(verifier instanceof CosignatureVerifier)) {
            return Optional.empty();
        }
        OptionalLong seconds = CosignatureVerifier.timestamp(signature.signatureBytes());
        return seconds.isPresent() ? Optional.of(Instant.ofEpochSecond(seconds.getAsLong())) : Optional.empty();
    }
}
