package kz.qorgau.signals.tx.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads transaction CSV with Apache Commons CSV (RFC 4180 quoting). The header names the columns;
 * their order is free, all twelve must be there, extra columns are ignored.
 */
final class CsvTransactionReader implements TransactionReader {

    static final List<String> COLUMNS = List.of(
            "id",
            "timestamp",
            "from_account",
            "to_account",
            "amount",
            "currency",
            "channel",
            "from_phone",
            "to_phone",
            "merchant_category",
            "memo",
            "city");

    private final Reader source;
    private final FieldParser fields = new FieldParser();
    private @Nullable CSVParser parser;
    private @Nullable Iterator<CSVRecord> records;
    private int[] index = new int[0];
    private int width;
    private @Nullable InputRow next;
    private boolean started;
    private boolean done;
    private long previousEnd = 1;

    CsvTransactionReader(Reader reader) {
        this.source = new LineLengthLimit(reader, MAX_LINE);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            if (next == null) {
                done = true;
            }
        }
        return next != null;
    }

    @Override
    public InputRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        InputRow row = next;
        next = null;
        if (row instanceof InputRow.Aborted) {
            done = true;
        }
        return row;
    }

    private @Nullable InputRow advance() {
        try {
            if (!started) {
                started = true;
                InputRow problem = readHeader();
                if (problem != null) {
                    return problem;
                }
            }
            Iterator<CSVRecord> it = records;
            if (it == null || !it.hasNext()) {
                return null;
            }
            CSVRecord record = it.next();
            long line = startLine(record);
            if (record.size() != width) {
                return new InputRow.Rejected(
                        line, "expected " + width + " fields as in the header, found " + record.size());
            }
            return fields.row(
                    line,
                    new FieldParser.Fields(
                            record.get(index[0]),
                            record.get(index[1]),
                            record.get(index[2]),
                            record.get(index[3]),
                            record.get(index[4]),
                            record.get(index[5]),
                            record.get(index[6]),
                            record.get(index[7]),
                            record.get(index[8]),
                            record.get(index[9]),
                            record.get(index[10]),
                            record.get(index[11])));
        } catch (UncheckedIOException | IllegalStateException e) {
            return aborted(e.getCause() instanceof IOException io ? io : e);
        } catch (IOException e) {
            return aborted(e);
        }
    }

    private InputRow aborted(Exception e) {
        if (e instanceof LineLengthLimit.LineTooLong tooLong) {
            return new InputRow.Aborted(tooLong.line, tooLong.getMessage());
        }
        CSVParser p = parser;
        long line = p == null ? 1 : p.getCurrentLineNumber() + 1;
        return new InputRow.Aborted(line, "the CSV cannot be read past this point: " + e.getMessage());
    }

    /**
     * The line a record starts on. Usually the line after the previous record's: only a record that
     * spans lines (a quoted memo with line breaks) or follows blank lines is counted out.
     */
    private long startLine(CSVRecord record) {
        CSVParser p = parser;
        long end = p == null ? 0 : p.getCurrentLineNumber();
        long previous = previousEnd;
        previousEnd = end;
        if (end == previous + 1) {
            return end;
        }
        long breaks = 0;
        for (String value : record) {
            for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
                breaks++;
            }
        }
        return end - breaks;
    }

    private @Nullable InputRow readHeader() throws IOException {
        CSVParser p =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(source);
        parser = p;
        Iterator<CSVRecord> it = p.iterator();
        records = it;
        if (!it.hasNext()) {
            return new InputRow.Aborted(1, "the file is empty; expected the header " + String.join(",", COLUMNS));
        }
        CSVRecord header = it.next();
        width = header.size();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            positions.putIfAbsent(name, i);
        }
        List<String> missing = new ArrayList<>();
        index = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            Integer at = positions.get(COLUMNS.get(i));
            if (at == null) {
                missing.add(COLUMNS.get(i));
            } else {
                index[i] = at;
            }
        }
        if (!missing.isEmpty()) {
            return new InputRow.Aborted(
                    p.getCurrentLineNumber(),
                    "wrong header: missing " + String.join(", ", missing) + "; found '"
                            + FieldParser.clip(String.join(",", header.values())) + "', expected "
                            + String.join(",", COLUMNS));
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        CSVParser p = parser;
        if (p != null) {
            p.close();
        }
        source.close();
    }
}
