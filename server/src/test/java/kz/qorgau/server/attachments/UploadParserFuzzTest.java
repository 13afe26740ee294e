package kz.qorgau.server.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * Fuzzes the upload parser: whatever bytes arrive, {@link Attachments#prepare} answers with accepted or
 * refused, never an exception; an accepted file's viewing copy is itself a file of the accepted kind.
 *
 * <p>In the normal test run this replays the seeds in {@code UploadParserFuzzTestInputs/}; with {@code
 * JAZZER_FUZZ=1} it fuzzes (docs/data-protection.md).
 */
class UploadParserFuzzTest {

    static {
        // PDFBox logs every repair it makes to a malformed document, thousands a second while fuzzing.
        for (String noisy : List.of("org.apache.pdfbox", "org.apache.fontbox")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
                    .setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** Small limits, so that the fuzzer reaches the size and pixel checks quickly. */
    private final Attachments attachments = new Attachments(
            null, new AttachmentSettings(DataSize.ofKilobytes(256), 5, 4_000_000L, 256), null, null, Clock.systemUTC());

    private static final byte[][] MAGIC = {
        {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
        "%PDF-1.7\n".getBytes(),
        "ID3".getBytes(),
        {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0},
        "RIFF\0\0\0\0WAVE".getBytes(),
        "OggS".getBytes(),
        "#!AMR\n".getBytes(),
        {0, 0, 0, 20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '}
    };

    @FuzzTest(maxDuration = "2m")
    void anyBytesAreAcceptedOrRefused(byte[] content) {
        check(content);
    }

    /** The same, but behind each format's magic bytes, so that every parser is reached at once. */
    @FuzzTest(maxDuration = "5m")
    void anyBytesBehindAKnownMagicNumberAreAcceptedOrRefused(FuzzedDataProvider data) {
        byte[] magic = MAGIC[data.consumeInt(0, MAGIC.length - 1)];
        check(Samples.concat(magic, data.consumeRemainingAsBytes()));
    }

    private void check(byte[] content) {
        AttachmentCheck check = attachments.prepare(List.of(Upload.of("fuzz", content)), 0);
        switch (check) {
            case AttachmentCheck.Refused refused ->
                assertThat(refused.refusals())
                        .singleElement()
                        .satisfies(refusal -> assertThat(refusal.code())
                                .isIn(
                                        "too-large",
                                        "empty",
                                        "type-not-allowed",
                                        "unreadable",
                                        "too-many-pixels",
                                        "password-protected",
                                        "too-many-pages"));
            case AttachmentCheck.Accepted accepted -> {
                PreparedAttachment prepared = accepted.attachments().getFirst();
                assertThat(ContentSniffer.kindOf(content)).contains(prepared.kind());
                byte[] viewing = prepared.viewing();
                if (viewing != null) {
                    assertThat(ContentSniffer.kindOf(viewing)).contains(prepared.kind());
                }
            }
        }
    }
}
