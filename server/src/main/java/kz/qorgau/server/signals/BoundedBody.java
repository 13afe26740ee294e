package kz.qorgau.server.signals;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * An upload read as a stream: gzip-compressed input (recognised by its first two bytes) is
 * decompressed, and at most {@code limit} bytes are read after decompression — the bound that holds
 * against a compressed bomb. Whatever the parser does with a failed read (abort, skip, wrap), {@link
 * #check()} afterwards says why the input was cut short: too large (413), or unreadable (400).
 */
final class BoundedBody implements AutoCloseable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final long limit;
    private final String name;
    private final BufferedInputStream stream;
    private long count;
    private boolean tooLarge;
    private boolean transportTooLarge;
    private @Nullable IOException failure;

    private BoundedBody(InputStream raw, long limit, String name) throws IOException {
        this.limit = limit;
        this.name = name;
        BufferedInputStream buffered = new BufferedInputStream(new Watched(raw), 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream decoded =
                first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2 ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        this.stream = new BufferedInputStream(new Counted(decoded), 1 << 16);
    }

    /**
     * Opens a body. Reading the first bytes happens here, so a body refused by the platform's size
     * limit already shows in {@link #check()}.
     *
     * @param name how problems refer to it, e.g. {@code body} or the multipart part's name
     */
    static BoundedBody open(InputStream raw, long limit, String name) {
        try {
            return new BoundedBody(raw, limit, name);
        } catch (IOException e) {
            throw SignalProblems.unreadable(name + " could not be read: " + e.getMessage());
        }
    }

    /** The bytes after decompression. */
    InputStream stream() {
        return stream;
    }

    /** The text as UTF-8 (malformed bytes become U+FFFD, which the parsers then reject in their row). */
    Reader reader() {
        return new InputStreamReader(
                stream,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /**
     * The first character that is not white space or a byte-order mark ({@code <}, <code>{</code>, a
     * letter…), without consuming it; -1 for an empty input.
     */
    int firstSignificantByte() {
        try {
            stream.mark(4096);
            try {
                for (int i = 0; i < 4096; i++) {
                    int b = stream.read();
                    if (b < 0) {
                        return -1;
                    }
                    if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                        return b;
                    }
                }
                return -1;
            } finally {
                stream.reset();
            }
        } catch (IOException e) {
            check();
            throw SignalProblems.unreadable(name + " could not be read: " + e.getMessage());
        }
    }

    /** Bytes read so far, after decompression. */
    long bytesRead() {
        return count;
    }

    /** Throws the problem that cut the input short, if any. */
    void check() {
        if (tooLarge) {
            throw SignalProblems.tooLarge(name + " is larger than " + limit
                    + " bytes (after decompression; qorgau.signals.max-input-size); split it. Nothing was stored.");
        }
        if (transportTooLarge) {
            throw SignalProblems.tooLarge(name + " is larger than the server's request limit (qorgau.limits.max-body)."
                    + " Compress it with gzip or send it as a multipart/form-data file part. Nothing was stored.");
        }
        if (failure != null) {
            throw SignalProblems.unreadable(
                    name + " could not be read (" + failure.getMessage() + "). Nothing was stored.");
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the request's stream: nothing to release
        }
    }

    /** The raw stream: notes why a read failed (the platform's limit, a broken connection). */
    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw noted(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw noted(e);
            }
        }

        private IOException noted(IOException e) {
            // The platform's body limit throws its own IOException (not public): recognised by name.
            if (e.getClass().getSimpleName().equals("PayloadTooLargeException")) {
                transportTooLarge = true;
            } else if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    /** The decoded stream: counts and stops at the limit. */
    private final class Counted extends FilterInputStream {
        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = guarded(() -> super.read());
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = guarded(() -> super.read(b, off, len));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > limit) {
                tooLarge = true;
                throw new IOException("input larger than " + limit + " bytes");
            }
        }

        private int guarded(IoRead read) throws IOException {
            if (tooLarge) {
                throw new IOException("input larger than " + limit + " bytes");
            }
            try {
                return read.read();
            } catch (IOException e) {
                // A corrupt gzip stream fails here rather than in the raw stream.
                if (!transportTooLarge && failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
