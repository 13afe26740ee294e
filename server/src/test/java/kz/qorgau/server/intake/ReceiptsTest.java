package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final Receipts receipts = new Receipts(new SecureRandom(), KEY);

    @Test
    void aReceiptIsSixGroupsOfFourCrockfordCharactersCarrying120Bits() {
        String receipt = receipts.generate();
        assertThat(receipt).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}");
        assertThat(Receipts.BITS).isGreaterThanOrEqualTo(112);
        assertThat(Receipts.LENGTH * 5).isEqualTo(Receipts.BITS);
    }

    @Test
    void receiptsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(receipts.generate())).isTrue();
        }
    }

    @Test
    void whatAPersonTypesInsteadIsReadAsMeant() {
        String receipt = receipts.generate();
        String typed = receipt.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        assertThat(receipts.hash(typed)).isEqualTo(receipts.hash(receipt));
        assertThat(receipts.hash("  " + receipt.replace("-", "") + " ")).isEqualTo(receipts.hash(receipt));
    }

    @Test
    void aDifferentReceiptHasADifferentHash() {
        String receipt = receipts.generate();
        char first = receipt.charAt(0);
        String changed = (first == 'A' ? 'B' : 'A') + receipt.substring(1);
        assertThat(receipts.hash(changed)).isNotEqualTo(receipts.hash(receipt));
    }

    @Test
    void theHashDependsOnTheServerKey() {
        String receipt = receipts.generate();
        Receipts otherServer = new Receipts(new SecureRandom(), "another key, another server, 32b".getBytes());
        assertThat(otherServer.hash(receipt)).isNotEqualTo(receipts.hash(receipt));
        assertThat(receipts.hash(receipt)).hasSize(64).doesNotContain(receipt.replace("-", ""));
    }

    @Test
    void textThatCannotBeAReceiptIsRecognisedAndStillHashed() {
        assertThat(Receipts.canonical("hello")).isEmpty();
        assertThat(Receipts.canonical("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")).isEmpty();
        assertThat(Receipts.canonical(null)).isEmpty();
        assertThat(Receipts.canonical("x".repeat(1000))).isEmpty();
        assertThat(receipts.hash("hello")).hasSize(64);
        assertThat(receipts.hash(null)).hasSize(64);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Receipts(new SecureRandom(), new byte[16]))
                .hasMessageContaining("at least 256 bits");
    }
}
