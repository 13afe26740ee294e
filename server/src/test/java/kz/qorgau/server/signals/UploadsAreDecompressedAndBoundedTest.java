package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * Uploads are read as streams: gzip is recognised by its first bytes and decompressed, the limit holds
 * after decompression (a compressed bomb is cut off), and why a read stopped is told afterwards.
 */
class UploadsAreDecompressedAndBoundedTest {

    private static String read(BoundedBody body) throws IOException {
        return new String(body.stream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void plainAndGzipInputReadTheSame() throws IOException {
        String text = "id,timestamp\nt1,2026-03-01T00:00:00+05:00\n";
        try (BoundedBody plain = BoundedBody.open(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000, "body");
                BoundedBody gzip = BoundedBody.open(new ByteArrayInputStream(SignalSamples.gzip(text)), 1000, "body")) {
            assertThat(plain.firstSignificantByte()).isEqualTo('i');
            assertThat(read(plain)).isEqualTo(text);
            assertThat(read(gzip)).isEqualTo(text);
            plain.check();
            gzip.check();
        }
    }

    @Test
    void aCompressedBombIsCutOffAtTheLimitAfterDecompression() {
        byte[] bomb = SignalSamples.gzip("a".repeat(1_000_000));
        assertThat(bomb.length).isLessThan(10_000);
        BoundedBody body = BoundedBody.open(new ByteArrayInputStream(bomb), 100_000, "file");
        assertThatThrownBy(() -> read(body)).isInstanceOf(IOException.class);
        assertThatThrownBy(body::check)
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(
                                ((ErrorResponseException) e).getStatusCode().value())
                        .isEqualTo(413));
        // At most one read buffer (64 KiB) beyond the limit was decompressed.
        assertThat(body.bytesRead()).isLessThanOrEqualTo(100_000 + 65_536);
    }

    @Test
    void aBrokenConnectionIsAnUnreadableBodyNotALimit() {
        InputStream failing = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };
        BoundedBody body = BoundedBody.open(failing, 1000, "body");
        assertThatThrownBy(() -> read(body)).isInstanceOf(IOException.class);
        assertThatThrownBy(body::check)
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(
                                ((ErrorResponseException) e).getStatusCode().value())
                        .isEqualTo(400));
    }

    @Test
    void anEmptyInputHasNoSignificantByte() {
        BoundedBody body =
                BoundedBody.open(new ByteArrayInputStream(" \n\t".getBytes(StandardCharsets.UTF_8)), 10, "x");
        assertThat(body.firstSignificantByte()).isEqualTo(-1);
    }
}
