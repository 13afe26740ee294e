package kz.qorgau.signals.tx.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads transactions as JSON lines: one object per line with the CSV's field names. {@code amount}
 * may be a JSON number or a string (a string keeps every digit); absent or {@code null} optional
 * fields are empty; unknown fields are ignored.
 */
final class JsonLinesTransactionReader implements TransactionReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final BufferedReader lines;
    private final FieldParser fields = new FieldParser();
    private long line;
    private @Nullable InputRow next;
    private boolean done;

    JsonLinesTransactionReader(Reader reader) {
        this.lines = new BufferedReader(new LineLengthLimit(reader, MAX_LINE));
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
        String text;
        try {
            do {
                text = lines.readLine();
                line++;
            } while (text != null && text.isBlank());
        } catch (LineLengthLimit.LineTooLong e) {
            return new InputRow.Aborted(e.line, e.getMessage());
        } catch (IOException e) {
            return new InputRow.Aborted(line, "could not read: " + e.getMessage());
        }
        if (text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return new InputRow.Rejected(line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new InputRow.Rejected(line, "expected a JSON object with the transaction's fields");
        }
        for (String required : new String[] {"id", "timestamp", "from_account", "to_account", "amount", "currency"}) {
            JsonNode value = node.get(required);
            if (value == null || value.isNull()) {
                return new InputRow.Rejected(line, "field '" + required + "' is missing");
            }
        }
        for (String name : CsvTransactionReader.COLUMNS) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                return new InputRow.Rejected(line, "field '" + name + "' must be a string or a number, not " + value);
            }
        }
        return fields.row(
                line,
                new FieldParser.Fields(
                        text(node, "id"),
                        text(node, "timestamp"),
                        text(node, "from_account"),
                        text(node, "to_account"),
                        amount(node.get("amount")),
                        text(node, "currency"),
                        text(node, "channel"),
                        text(node, "from_phone"),
                        text(node, "to_phone"),
                        text(node, "merchant_category"),
                        text(node, "memo"),
                        text(node, "city")));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String amount(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.asString();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
