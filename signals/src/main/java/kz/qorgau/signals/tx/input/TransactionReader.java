package kz.qorgau.signals.tx.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Iterator;

/**
 * Reads a transaction file one row at a time, in one pass and in constant memory. Every row comes
 * back as an {@link InputRow}: a transaction, a rejected row with its line and reason, a skipped
 * row, or an abort after which nothing follows. Close it when done.
 */
public interface TransactionReader extends Iterator<InputRow>, AutoCloseable {

    /** The longest line accepted (characters); a longer one aborts the read. */
    int MAX_LINE = 64 * 1024;

    /** Offset for camt.053 times written without one: Kazakhstan's single zone since March 2024. */
    ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    /**
     * Opens a file in the given format (decoded as UTF-8; malformed bytes become U+FFFD).
     *
     * @param format the format; {@link TransactionFormat#of(Path)} decides it by extension or content
     */
    static TransactionReader open(Path file, TransactionFormat format) throws IOException {
        return switch (format) {
            case CSV -> csv(utf8(Files.newInputStream(file)));
            case JSONL -> jsonLines(utf8(Files.newInputStream(file)));
            case CAMT053 -> camt053(Files.newInputStream(file), KAZAKHSTAN);
        };
    }

    /** CSV with the transaction header; see {@link TransactionFormat#CSV}. */
    static TransactionReader csv(Reader reader) {
        return new CsvTransactionReader(reader);
    }

    /** JSON lines with the CSV's field names. */
    static TransactionReader jsonLines(Reader reader) {
        return new JsonLinesTransactionReader(reader);
    }

    /**
     * An ISO 20022 camt.053 statement, read with StAX with DTDs and external entities disabled.
     *
     * @param offset the UTC offset for date-times written without one
     */
    static TransactionReader camt053(InputStream in, ZoneOffset offset) {
        return new Camt053TransactionReader(in, offset);
    }

    /**
     * Parses {@code source} on a second thread while the caller consumes its rows, in the same order:
     * on a machine with two cores, screening then costs little more than parsing. The returned reader
     * owns {@code source} and closes it.
     */
    static TransactionReader readAhead(TransactionReader source) {
        return new ReadAheadTransactionReader(source);
    }

    /** Closes the underlying file. */
    @Override
    void close() throws IOException;

    private static Reader utf8(InputStream in) {
        return new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
    }
}
