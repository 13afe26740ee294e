package kz.qorgau.signals.tx;

/**
 * Screens a stream of transactions for the money flows of child sexual exploitation, in one pass.
 *
 * <p>Hand it the transactions in roughly increasing time ({@link #accept(Transaction)}), then call
 * {@link #finish()} once for the alerts. Memory grows with the number of accounts active within the
 * window (e.g. 28 days), not with the number of transactions: each account keeps a summary per pane
 * and bounded sketches, accounts without activity for a whole window are dropped, and the collector
 * and cluster stage sees only the forwarding edges of suspicious accounts. A bounded reorder buffer
 * places transactions up to {@code reorder.maxLateness} out of order; older ones are refused as
 * {@link Admission.Late}.
 *
 * <p>Not thread-safe: one screener per stream. Never reads the clock; time comes from the
 * transactions.
 */
public interface TransactionScreener {

    /**
     * A new screener.
     *
     * @param rules thresholds, keyword and merchant category lists; {@link ScreeningRules#defaults()}
     * @param accounts what is known about account holders; {@link AccountDirectory#empty()} if nothing
     */
    static TransactionScreener create(ScreeningRules rules, AccountDirectory accounts) {
        return new StreamingScreener(rules, accounts);
    }

    /**
     * Screens a whole batch: {@link #accept(Transaction)} for each, then {@link #finish()}. Refused
     * transactions are counted in {@link ScreeningReport#counts()}.
     */
    static ScreeningReport screen(Iterable<Transaction> transactions, ScreeningRules rules, AccountDirectory accounts) {
        TransactionScreener screener = create(rules, accounts);
        for (Transaction transaction : transactions) {
            screener.accept(transaction);
        }
        return screener.finish();
    }

    /**
     * Takes one transaction into the screening. Amortised O(1) (O(log b) for a transaction that
     * arrives out of order, b = transactions waiting in the reorder buffer), except at a pane
     * boundary, where every tracked account's window is evaluated: O(active accounts).
     *
     * @return whether it was taken, or why not
     * @throws IllegalStateException after {@link #finish()}
     */
    Admission accept(Transaction transaction);

    /**
     * Evaluates the last window, finds collectors, controllers and clusters, and returns the alerts.
     * Call once; the screener cannot be used afterwards.
     */
    ScreeningReport finish();
}
