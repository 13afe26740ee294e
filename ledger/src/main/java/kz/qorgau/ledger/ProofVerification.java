package kz.qorgau.ledger;

/** Whether a proof verified; an invalid proof is an expected outcome (forged or stale data), not an error. */
public sealed interface ProofVerification permits ProofVerification.Valid, ProofVerification.Invalid {

    /** The proof verified. */
    record Valid() implements ProofVerification {}

    /**
     * The proof did not verify.
     *
     * @param reason what did not match, for a person or a log line
     */
    record Invalid(String reason) implements ProofVerification {}

    /** True for {@link Valid}. */
    default boolean isValid() {
        return this instanceof Valid;
    }
}
