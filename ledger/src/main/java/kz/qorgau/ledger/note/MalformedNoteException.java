package kz.qorgau.ledger.note;

/** Text that is not a well-formed signed note or checkpoint; the message names the line at fault. */
public final class MalformedNoteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * @param line the 1-based line at fault, or 0 when the problem is the note as a whole
     * @param problem what is wrong, without the line number (it is prefixed)
     */
    public MalformedNoteException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** The 1-based line at fault, or 0 when the problem is the note as a whole. */
    public int line() {
        return line;
    }
}
