package kz.qorgau.signals.tx.input;

import kz.qorgau.signals.tx.Transaction;

/** One row (CSV line, JSON line, camt.053 entry) of a transaction file and what became of it. */
public sealed interface InputRow {

    /** The 1-based line the row starts on (for camt.053: the line of its {@code <Ntry>}). */
    long line();

    /** A valid transaction. */
    record Parsed(long line, Transaction transaction) implements InputRow {}

    /**
     * A row that is not a valid transaction; it is skipped and the rest of the file is read.
     *
     * @param reason what is wrong with it, naming the field
     */
    record Rejected(long line, String reason) implements InputRow {}

    /**
     * A valid row that is deliberately not screened (e.g. a pending or reversed camt.053 entry).
     *
     * @param reason why it is not screened
     */
    record Skipped(long line, String reason) implements InputRow {}

    /**
     * The rest of the input cannot be read (wrong header, malformed XML, a line over the size limit);
     * nothing follows this row.
     *
     * @param reason what is wrong and how to fix it
     */
    record Aborted(long line, String reason) implements InputRow {}
}
