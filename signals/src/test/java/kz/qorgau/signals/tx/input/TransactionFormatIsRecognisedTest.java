package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionFormatIsRecognisedTest {

    @TempDir
    Path dir;

    @Test
    void theExtensionDecidesFirst() throws Exception {
        assertThat(TransactionFormat.of(Files.writeString(dir.resolve("a.csv"), "{")))
                .isEqualTo(TransactionFormat.CSV);
        assertThat(TransactionFormat.of(Files.writeString(dir.resolve("a.xml"), "id")))
                .isEqualTo(TransactionFormat.CAMT053);
        assertThat(TransactionFormat.of(Files.writeString(dir.resolve("a.jsonl"), "<")))
                .isEqualTo(TransactionFormat.JSONL);
    }

    @Test
    void withoutAKnownExtensionTheFirstCharacterDecides() throws Exception {
        assertThat(TransactionFormat.of(Files.writeString(dir.resolve("x1"), "\n  <?xml version=\"1.0\"?>")))
                .isEqualTo(TransactionFormat.CAMT053);
        assertThat(TransactionFormat.of(Files.writeString(dir.resolve("x2"), "{\"id\":1}")))
                .isEqualTo(TransactionFormat.JSONL);
        assertThat(TransactionFormat.of(Files.writeString(dir.resolve("x3"), "id,timestamp")))
                .isEqualTo(TransactionFormat.CSV);
    }

    @Test
    void anUnknownFormatNameSaysWhichAreKnown() {
        assertThatThrownBy(() -> TransactionFormat.named("xls"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("csv, camt053 or jsonl");
    }
}
