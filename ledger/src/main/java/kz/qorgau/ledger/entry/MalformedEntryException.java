package kz.qorgau.ledger.entry;

/** Bytes that are not a canonical ledger entry; the message names the byte offset and the field. */
public final class MalformedEntryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param offset the byte offset at fault
     * @param problem what is wrong
     */
    public MalformedEntryException(int offset, String problem) {
        super("byte " + offset + ": " + problem);
        this.offset = offset;
    }

    /** The byte offset at fault. */
    public int offset() {
        return offset;
    }
}
