package kz.qorgau.signals.tx.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails the read when a line grows beyond a limit, so that a file without line breaks (or with an
 * unterminated quote) cannot make a reader buffer gigabytes. Counts lines as it goes, for messages.
 */
final class LineLengthLimit extends FilterReader {

    /** Thrown when a line is too long; carries its line number. */
    static final class LineTooLong extends IOException {
        final long line;

        LineTooLong(long line, int limit) {
            super("line " + line + " is longer than " + limit
                    + " characters; is this the right file, and are all quotes closed?");
            this.line = line;
        }
    }

    private final int limit;
    private int length;
    private long line = 1;

    LineLengthLimit(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(char c) throws LineTooLong {
        if (c == '\n') {
            line++;
            length = 0;
        } else if (++length > limit) {
            throw new LineTooLong(line, limit);
        }
    }
}
