package kz.qorgau.signals.tx.input;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.signals.tx.Transaction;

/** Reads every row of a reader, for the tests. */
final class Rows {

    private Rows() {}

    static List<InputRow> all(TransactionReader reader) {
        List<InputRow> rows = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<InputRow> csv(String text) {
        return all(TransactionReader.csv(new StringReader(text)));
    }

    static List<Transaction> parsed(List<InputRow> rows) {
        return rows.stream()
                .filter(InputRow.Parsed.class::isInstance)
                .map(r -> ((InputRow.Parsed) r).transaction())
                .toList();
    }

    static List<InputRow> problems(List<InputRow> rows) {
        return rows.stream().filter(r -> !(r instanceof InputRow.Parsed)).toList();
    }
}
