package kz.qorgau.server.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Uploads are judged by their content and the limits, never by their names. */
class TypesAreReadFromTheContentTest {

    private final Attachments attachments = new Attachments(
            null, new AttachmentSettings(DataSize.ofKilobytes(64), 3, 60_000_000L, 256), null, null, Clock.systemUTC());

    private List<Refusal> refusals(Upload... uploads) {
        AttachmentCheck check = attachments.prepare(List.of(uploads), 0);
        assertThat(check).isInstanceOf(AttachmentCheck.Refused.class);
        return ((AttachmentCheck.Refused) check).refusals();
    }

    @Test
    void aPictureNamedLikeAPdfIsAPicture() {
        AttachmentCheck check = attachments.prepare(List.of(Upload.of("report.pdf", Samples.jpeg(20, 20))), 0);
        assertThat(check).isInstanceOf(AttachmentCheck.Accepted.class);
        PreparedAttachment prepared =
                ((AttachmentCheck.Accepted) check).attachments().getFirst();
        assertThat(prepared.kind()).isEqualTo(AttachmentKind.JPEG);
        assertThat(prepared.hasViewingCopy()).isTrue();
        assertThat(prepared.fileName()).isEqualTo("report.pdf");
    }

    @Test
    void aScriptNamedLikeAPictureIsRefused() {
        List<Refusal> refusals =
                refusals(Upload.of("photo.jpg", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertThat(refusals).extracting(Refusal::code).containsExactly("type-not-allowed");
        assertThat(refusals.getFirst().messageArguments()[0]).isEqualTo("photo.jpg");
    }

    @Test
    void otherFormatsAreRefused() {
        byte[] gif = "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1);
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        byte[] mp4Video = Samples.concat(new byte[] {0, 0, 0, 24}, "ftypisom".getBytes(), new byte[12]);
        assertThat(refusals(Upload.of("a.gif", gif), Upload.of("b.docx", zip), Upload.of("c.m4a", mp4Video)))
                .extracting(Refusal::index, Refusal::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "type-not-allowed"),
                        org.assertj.core.groups.Tuple.tuple(1, "type-not-allowed"),
                        org.assertj.core.groups.Tuple.tuple(2, "type-not-allowed"));
    }

    @Test
    void aFileOverTheLimitIsRefusedEvenIfItsDeclaredSizeIsSmall() {
        byte[] big = Samples.concat(Samples.jpeg(8, 8), new byte[70 * 1024]);
        Upload lying = new Upload("big.jpg", 10, new org.springframework.core.io.ByteArrayResource(big));
        assertThat(refusals(lying)).extracting(Refusal::code).containsExactly("too-large");
        assertThat(refusals(Upload.of("big.jpg", big)).getFirst().arguments()).containsExactly(1L);
    }

    @Test
    void tooManyFilesAreRefusedTogether() {
        byte[] jpeg = Samples.jpeg(8, 8);
        List<Refusal> refusals = refusals(
                Upload.of("1.jpg", jpeg), Upload.of("2.jpg", jpeg), Upload.of("3.jpg", jpeg), Upload.of("4.jpg", jpeg));
        assertThat(refusals)
                .extracting(Refusal::index, Refusal::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-1, "too-many"));
        assertThat(attachments.prepare(List.of(Upload.of("1.jpg", jpeg)), 3))
                .isInstanceOf(AttachmentCheck.Refused.class);
    }

    @Test
    void anEmptyFileInputIsSkippedButAnEmptyFileIsRefused() {
        assertThat(attachments.prepare(List.of(Upload.of("", new byte[0])), 0))
                .isEqualTo(new AttachmentCheck.Accepted(List.of()));
        assertThat(refusals(Upload.of("empty.jpg", new byte[0])))
                .extracting(Refusal::code)
                .containsExactly("empty");
    }

    @Test
    void everyAcceptedFormatIsRecognised() {
        assertThat(ContentSniffer.kindOf(Samples.jpeg(4, 4))).contains(AttachmentKind.JPEG);
        assertThat(ContentSniffer.kindOf(Samples.png(4, 4))).contains(AttachmentKind.PNG);
        assertThat(ContentSniffer.kindOf(Samples.pdf("x"))).contains(AttachmentKind.PDF);
        assertThat(ContentSniffer.kindOf(Samples.mp3("x", 2))).contains(AttachmentKind.MP3);
        assertThat(ContentSniffer.kindOf(Samples.wav("x", 10))).contains(AttachmentKind.WAV);
        assertThat(ContentSniffer.kindOf("OggS\0\2".getBytes())).contains(AttachmentKind.OGG);
        assertThat(ContentSniffer.kindOf("#!AMR\n<...".getBytes())).contains(AttachmentKind.AMR);
        byte[] m4a = Samples.concat(new byte[] {0, 0, 0, 20}, "ftypM4A ".getBytes(), new byte[8]);
        assertThat(ContentSniffer.kindOf(m4a)).contains(AttachmentKind.M4A);
    }

    @Test
    void aLongFileNameIsShortenedInMessages() {
        Refusal refusal = new Refusal(0, "x".repeat(300) + ".jpg", "empty", List.of());
        assertThat(refusal.displayName()).hasSize(60).endsWith("…");
        assertThat(new Refusal(2, null, "empty", List.of()).displayName()).isEqualTo("#3");
    }
}
