package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The signature is HMAC-SHA-256 over "t.body", hex, as the documentation tells receivers. */
class WebhookSignatureTest {

    @Test
    void theHmacMatchesRfc4231TestCase2() {
        // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theHeaderSignsTheTimeAndTheBodyTogether() {
        String header = WebhookSignature.header("whsec_test", 1_767_225_600L, "{\"id\":\"1\"}");
        assertThat(header)
                .isEqualTo("t=1767225600,v1=" + WebhookSignature.hmac("whsec_test", "1767225600.{\"id\":\"1\"}"));
        assertThat(WebhookSignature.header("whsec_test", 1_767_225_601L, "{\"id\":\"1\"}"))
                .isNotEqualTo(header);
    }

    @Test
    void theDocumentedOpensslLineComputesTheSameSignature() throws IOException, InterruptedException {
        Path openssl = Path.of("/usr/bin/openssl");
        if (!Files.isExecutable(openssl)) {
            Assumptions.abort("openssl is not installed at /usr/bin/openssl; the shell example was not checked");
        }
        String secret = "whsec_Zm9vYmFy";
        String signed = "1767225600.{\"id\":\"a\",\"detail\":\"acknowledgement overdue\"}";
        Process process = new ProcessBuilder(openssl.toString(), "dgst", "-sha256", "-hmac", secret)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(signed.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).endsWith(WebhookSignature.hmac(secret, signed));
    }
}
