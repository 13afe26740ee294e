package kz.qorgau.ledger.note;

import java.util.List;

/** The outcome of opening a signed note against known keys. */
public sealed interface NoteVerification permits NoteVerification.Verified, NoteVerification.Rejected {

    /**
     * At least one known key signed the note and every signature by a known key verified.
     *
     * @param note the note
     * @param signatures the verified signatures, one per known key, in note order
     */
    record Verified(SignedNote note, List<VerifiedSignature> signatures) implements NoteVerification {

        /** Copies the list. */
        public Verified {
            signatures = List.copyOf(signatures);
        }

        /** Whether {@code verifier}'s signature is among the verified ones. */
        public boolean isSignedBy(NoteVerifier verifier) {
            return signatures.stream()
                    .anyMatch(s -> s.verifier().name().equals(verifier.name())
                            && s.verifier().keyId() == verifier.keyId());
        }
    }

    /**
     * The note must not be trusted.
     *
     * @param reason why, naming the line where it applies
     */
    record Rejected(String reason) implements NoteVerification {}

    /** True for {@link Verified}. */
    default boolean isVerified() {
        return this instanceof Verified;
    }
}
