package kz.qorgau.signals.tx;

/**
 * What happened to a transaction handed to {@link TransactionScreener#accept(Transaction)}.
 * Expected outcomes, not errors: the caller reports the rejected ones with their line numbers.
 */
public sealed interface Admission {

    /** Whether the transaction was refused in a way that should make a batch exit non-zero. */
    boolean rejected();

    /** Taken into the screening. */
    record Admitted() implements Admission {
        static final Admitted INSTANCE = new Admitted();

        @Override
        public boolean rejected() {
            return false;
        }
    }

    /**
     * Older than the reorder buffer can still place: input must be roughly time-ordered.
     *
     * @param reason names the timestamp, the latest one seen and the allowed lateness
     */
    record Late(String reason) implements Admission {
        @Override
        public boolean rejected() {
            return true;
        }
    }

    /**
     * A transaction with the same identifier is already waiting in the reorder buffer (the same
     * transfer seen in the payer's and the payee's statement); the second copy is skipped.
     *
     * @param reason names the identifier
     */
    record Duplicate(String reason) implements Admission {
        @Override
        public boolean rejected() {
            return false;
        }
    }

    /**
     * In a currency the rules have no approximate rate for, so its amount cannot be compared with
     * the thresholds.
     *
     * @param reason names the currency and how to add a rate
     */
    record Unconvertible(String reason) implements Admission {
        @Override
        public boolean rejected() {
            return true;
        }
    }
}
