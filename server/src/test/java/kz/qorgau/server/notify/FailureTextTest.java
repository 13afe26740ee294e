package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What is kept as last_error names the failure, without the addresses SMTP servers quote. */
class FailureTextTest {

    @Test
    void addressesAreRemovedFromTheReason() {
        String text = FailureText.of(new IOException(
                "550 5.1.1 <aigerim.teacher@school1.kz>: Recipient address rejected", new IOException("cc bob@x.kz")));
        assertThat(text).doesNotContain("aigerim", "bob@").contains("IOException", "550 5.1.1 <<address>>");
    }

    @Test
    void theReasonIsOneLineAndFitsTheColumn() {
        String text = FailureText.of(new IllegalStateException("line one\nline two " + "x".repeat(1000)));
        assertThat(text).doesNotContain("\n").hasSizeLessThanOrEqualTo(Outbox.MAX_ERROR);
    }
}
