package kz.qorgau.signals.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    static List<List<String>> readOwn(String text) throws Exception {
        CsvRowReader reader = new CsvRowReader(new StringReader(text), 1 << 20);
        List<List<String>> rows = new ArrayList<>();
        while (reader.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < reader.size(); i++) {
                row.add(reader.field(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> readCommons(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(CSVFormat.DEFAULT)
                .get()) {
            for (CSVRecord record : parser) {
                rows.add(List.of(record.values()));
            }
        }
        return rows;
    }

    @Test
    void splitsRowsExactlyAsCommonsCsvDoesOnAwkwardGeneratedInput() throws Exception {
        Random random = new Random(42);
        String[] pieces = {"a", "school-1", ",", "\"", "\n", "\r\n", " ", "я", "4,5", "\"\"", ""};
        for (int round = 0; round < 300; round++) {
            StringWriter text = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
                int rows = 1 + random.nextInt(6);
                for (int r = 0; r < rows; r++) {
                    List<String> fields = new ArrayList<>();
                    int count = 1 + random.nextInt(6);
                    for (int f = 0; f < count; f++) {
                        StringBuilder field = new StringBuilder();
                        int parts = random.nextInt(4);
                        for (int p = 0; p < parts; p++) {
                            field.append(pieces[random.nextInt(pieces.length)]);
                        }
                        fields.add(field.toString());
                    }
                    printer.printRecord(fields);
                }
            }
            String csv = random.nextBoolean() ? text.toString().replace("\r\n", "\n") : text.toString();
            assertThat(readOwn(csv)).as(csv).isEqualTo(readCommons(csv));
        }
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() throws Exception {
        String csv = "s1,said \"hi\" twice,x\ns2,b,c\n";

        assertThat(readOwn(csv)).isEqualTo(readCommons(csv)).hasSize(2);
    }

    @Test
    void rowsReportTheLineTheyStartOnSkippingEmptyLinesAndQuotedLineBreaks() throws Exception {
        CsvRowReader reader = new CsvRowReader(new StringReader("h1,h2\n\na,\"x\ny\"\r\nb,c"), 1 << 20);
        List<Long> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.line());
        }

        assertThat(lines).containsExactly(1L, 3L, 5L);
    }

    @Test
    void textAfterAClosingQuoteMarksOnlyThatRowMalformed() throws Exception {
        CsvRowReader reader = new CsvRowReader(new StringReader("\"ab\"c,d\ne,f\n"), 1 << 20);

        assertThat(reader.next()).isTrue();
        assertThat(reader.malformed()).isTrue();
        assertThat(reader.next()).isTrue();
        assertThat(reader.malformed()).isFalse();
        assertThat(reader.field(1)).isEqualTo("f");
    }

    @Test
    void anUnclosedQuoteAtTheEndIsMalformed() {
        CsvRowReader reader = new CsvRowReader(new StringReader("a,\"open\nb,c\n"), 1 << 20);

        assertThatThrownBy(() -> {
                    while (reader.next()) {}
                })
                .isInstanceOf(CsvRowReader.Malformed.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void rowsLongerThanTheBufferAreReadWhole() throws Exception {
        String longField = "x".repeat(200_000);

        assertThat(readOwn("a," + longField + "\nb,c\n")).containsExactly(List.of("a", longField), List.of("b", "c"));
    }
}
