package kz.qorgau.ledger;

/**
 * A proof or root was asked for with arguments no tree can satisfy (an index not below the tree size, a tree
 * larger than the log, from &gt; to, negative numbers). The HTTP layer answers it with 400 and
 * {@link #parameter()} as the field at fault.
 */
public final class InvalidProofRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the request parameter at fault, e.g. {@code index}, {@code treeSize}, {@code from}
     * @param message what is wrong and what would be accepted
     */
    public InvalidProofRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The request parameter at fault. */
    public String parameter() {
        return parameter;
    }
}
