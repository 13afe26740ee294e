package kz.qorgau.ledger;

import java.util.List;
import kz.qorgau.ledger.note.SignedNote;
import kz.qorgau.ledger.note.VerifiedSignature;

/** The outcome of opening a signed checkpoint with {@link Checkpoint#open}. */
public sealed interface CheckpointVerification
        permits CheckpointVerification.Verified, CheckpointVerification.Rejected {

    /**
     * The log's key signed the checkpoint, and every other known signature verified.
     *
     * @param checkpoint the checkpoint
     * @param note the signed note it came in
     * @param signatures the verified signatures (the log's, then any known witnesses')
     */
    record Verified(Checkpoint checkpoint, SignedNote note, List<VerifiedSignature> signatures)
            implements CheckpointVerification {

        /** Copies the list. */
        public Verified {
            signatures = List.copyOf(signatures);
        }
    }

    /**
     * The checkpoint must not be trusted.
     *
     * @param reason why (a malformed line, a bad or missing signature)
     */
    record Rejected(String reason) implements CheckpointVerification {}
}
