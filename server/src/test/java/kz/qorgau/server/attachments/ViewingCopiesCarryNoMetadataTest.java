package kz.qorgau.server.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The viewing copy of each format keeps the content and drops the metadata. */
class ViewingCopiesCarryNoMetadataTest {

    private static final long MAX_PIXELS = 60_000_000L;
    private static final int MAX_SIDE = 2560;

    private final String marker = "QMARK" + UUID.randomUUID().toString().replace("-", "");

    private static ViewingCopy.Made made(ViewingCopy copy) {
        assertThat(copy).isInstanceOf(ViewingCopy.Made.class);
        return (ViewingCopy.Made) copy;
    }

    private static BufferedImage read(byte[] image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image));
    }

    @Test
    void aJpegLosesItsExifAndGpsAndIsTurnedUpright() throws IOException {
        byte[] original = Samples.withExif(Samples.jpeg(120, 60), 6, marker);
        assertThat(Samples.contains(original, marker)).isTrue();
        assertThat(ExifOrientation.of(original)).isEqualTo(6);

        ViewingCopy.Made copy = made(ImageCopies.copy(original, AttachmentKind.JPEG, MAX_PIXELS, MAX_SIDE));

        assertThat(copy.kind()).isEqualTo(AttachmentKind.JPEG);
        assertThat(Samples.contains(copy.content(), marker)).isFalse();
        assertThat(Samples.contains(copy.content(), "Exif")).isFalse();
        assertThat(ContentSniffer.kindOf(copy.content())).contains(AttachmentKind.JPEG);
        BufferedImage upright = read(copy.content());
        // orientation 6: the 120x60 sensor image is shown turned a quarter clockwise, 60x120, red on top
        assertThat(upright.getWidth()).isEqualTo(60);
        assertThat(upright.getHeight()).isEqualTo(120);
        assertThat(new java.awt.Color(upright.getRGB(30, 10)).getRed()).isGreaterThan(200);
        assertThat(new java.awt.Color(upright.getRGB(30, 110)).getBlue()).isGreaterThan(200);
    }

    @Test
    void everyExifOrientationMapsTheCornersAsTheStandardSays() {
        BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, 0x010101); // top left of the stored image
        assertThat(ImageCopies.orient(source, 1, false).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 2, false).getRGB(2, 0) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 3, false).getRGB(2, 1) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 4, false).getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 5, false).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 6, false).getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 7, false).getRGB(1, 2) & 0xFFFFFF).isEqualTo(0x010101);
        assertThat(ImageCopies.orient(source, 8, false).getRGB(0, 2) & 0xFFFFFF).isEqualTo(0x010101);
    }

    @Test
    void aPngLosesItsTextChunks() throws IOException {
        byte[] original = Samples.withText(Samples.png(40, 30), marker);
        assertThat(Samples.contains(original, marker)).isTrue();

        ViewingCopy.Made copy = made(ImageCopies.copy(original, AttachmentKind.PNG, MAX_PIXELS, MAX_SIDE));

        assertThat(Samples.contains(copy.content(), marker)).isFalse();
        assertThat(Samples.contains(copy.content(), "tEXt")).isFalse();
        assertThat(read(copy.content()).getWidth()).isEqualTo(40);
    }

    @Test
    void aLargePictureIsScaledDownForViewing() throws IOException {
        ViewingCopy.Made copy = made(ImageCopies.copy(Samples.jpeg(400, 100), AttachmentKind.JPEG, MAX_PIXELS, 128));
        BufferedImage image = read(copy.content());
        assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(128);
    }

    @Test
    void aPictureClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        // 100 000 x 100 000 pixels claimed by a 1-pixel PNG whose header was edited
        byte[] png = Samples.png(1, 1);
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
        ViewingCopy copy = ImageCopies.copy(png, AttachmentKind.PNG, MAX_PIXELS, MAX_SIDE);
        assertThat(copy).isInstanceOf(ViewingCopy.Unreadable.class);
        assertThat(((ViewingCopy.Unreadable) copy).code()).isIn("too-many-pixels", "unreadable");
    }

    @Test
    void aCorruptJpegIsUnreadable() {
        byte[] jpeg = Samples.jpeg(64, 64);
        byte[] corrupt = java.util.Arrays.copyOf(jpeg, 200);
        assertThat(ImageCopies.copy(corrupt, AttachmentKind.JPEG, MAX_PIXELS, MAX_SIDE))
                .isEqualTo(new ViewingCopy.Unreadable("unreadable"));
    }

    @Test
    void aPdfLosesItsDocumentInformationAndXmpButKeepsItsText() throws IOException {
        byte[] original = Samples.pdf(marker);
        assertThat(Samples.contains(original, "title " + marker)).isTrue();
        assertThat(Samples.contains(original, "xmp " + marker)).isTrue();

        ViewingCopy.Made copy = made(PdfCopies.copy(original));

        try (PDDocument document = Loader.loadPDF(copy.content())) {
            assertThat(document.getDocumentInformation().getTitle()).isNull();
            assertThat(document.getDocumentInformation().getAuthor()).isNull();
            assertThat(document.getDocumentCatalog().getMetadata()).isNull();
            assertThat(new PDFTextStripper().getText(document)).contains("page text " + marker);
        }
    }

    @Test
    void aPasswordProtectedPdfIsRefusedWithThatReason() {
        assertThat(PdfCopies.copy(Samples.pdfWithPassword(marker, "secret")))
                .isEqualTo(new ViewingCopy.Unreadable("password-protected"));
    }

    @Test
    void aBrokenPdfIsUnreadable() {
        assertThat(PdfCopies.copy("%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes()))
                .isEqualTo(new ViewingCopy.Unreadable("unreadable"));
    }

    @Test
    void anMp3LosesItsTagsAndKeepsItsFrames() {
        byte[] original = Samples.mp3(marker, 5);
        assertThat(ContentSniffer.kindOf(original)).contains(AttachmentKind.MP3);

        ViewingCopy.Made copy = made(AudioCopies.copy(original, AttachmentKind.MP3));

        assertThat(Samples.contains(copy.content(), marker)).isFalse();
        assertThat(copy.content()).hasSize(5 * 417);
        assertThat(Mp3Frames.frameLength(copy.content(), 0)).isEqualTo(417);
    }

    @Test
    void aWavLosesItsInfoChunk() {
        byte[] original = Samples.wav(marker, 800);
        ViewingCopy.Made copy = made(AudioCopies.copy(original, AttachmentKind.WAV));
        assertThat(Samples.contains(copy.content(), marker)).isFalse();
        assertThat(Samples.contains(copy.content(), "LIST")).isFalse();
        assertThat(ContentSniffer.kindOf(copy.content())).contains(AttachmentKind.WAV);
        assertThat(copy.content().length).isEqualTo(44 + 1600);
    }

    @Test
    void anM4aLosesItsPlaceTitleAndXmpWithoutMovingTheAudio() {
        byte[] original = Samples.m4a(marker);
        assertThat(ContentSniffer.kindOf(original)).contains(AttachmentKind.M4A);

        ViewingCopy.Made copy = made(AudioCopies.copy(original, AttachmentKind.M4A));

        assertThat(Samples.contains(copy.content(), marker)).isFalse();
        assertThat(Samples.contains(copy.content(), "udta")).isFalse();
        assertThat(Samples.contains(copy.content(), "uuid")).isFalse();
        assertThat(copy.content()).hasSameSizeAs(original);
        assertThat(ContentSniffer.kindOf(copy.content())).contains(AttachmentKind.M4A);
        // the audio (mdat) sits at the same offset, so the sample tables still point at it
        int mdat = original.length - 72;
        assertThat(java.util.Arrays.copyOfRange(copy.content(), mdat, original.length))
                .isEqualTo(java.util.Arrays.copyOfRange(original, mdat, original.length));
        assertThat(AudioCopies.copy(copy.content(), AttachmentKind.M4A)).isInstanceOf(ViewingCopy.Made.class);
    }

    @Test
    void anOggRecordingIsKeptAsEvidenceOnly() {
        byte[] page = new byte[28];
        System.arraycopy("OggS".getBytes(), 0, page, 0, 4);
        page[26] = 1;
        assertThat(AudioCopies.copy(Samples.concat(page, page), AttachmentKind.OGG))
                .isInstanceOf(ViewingCopy.EvidenceOnly.class);
        assertThat(AudioCopies.copy(Samples.concat(page, page, "junk".getBytes()), AttachmentKind.OGG))
                .isInstanceOf(ViewingCopy.Unreadable.class);
    }

    @Test
    void noiseAfterAnMp3FrameHeaderIsUnreadable() {
        byte[] noise = new byte[20_000];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = (byte) 0xFF;
        noise[1] = (byte) 0xFB;
        noise[2] = (byte) 0x90;
        noise[3] = 0;
        assertThat(ContentSniffer.kindOf(noise)).contains(AttachmentKind.MP3);
        assertThat(AudioCopies.copy(noise, AttachmentKind.MP3)).isInstanceOf(ViewingCopy.Unreadable.class);
    }
}
