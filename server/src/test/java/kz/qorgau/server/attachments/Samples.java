package kz.qorgau.server.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small files of every accepted type, made in memory, with metadata to strip where the format has it. */
public final class Samples {

    private Samples() {}

    /** A JPEG, wider than high, left half red and right half blue (so that a rotation shows). */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.setUseCache(false);
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG with an EXIF block right after SOI: the orientation, an image description holding
     * {@code marker}, and a GPS directory pointer (what a phone writes).
     */
    public static byte[] withExif(byte[] jpeg, int orientation, String marker) {
        byte[] text = (marker + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = 3;
        int ifdSize = 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(8 + ifdSize + text.length + 8 + 2 + 12 + 4 + 16);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) entries);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + ifdSize); // description
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        int gpsOffset = 8 + ifdSize + text.length;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset); // GPS IFD pointer
        tiff.putInt(0);
        tiff.put(text);
        // GPS IFD: one entry, latitude reference 'N'
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        tiff.putInt(0);
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiffBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The PNG with a {@code tEXt} chunk after IHDR, holding {@code marker} as a comment. */
    public static byte[] withText(byte[] png, String marker) {
        byte[] data = ("Comment\0" + marker).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        byte[] typeAndData = concat("tEXt".getBytes(StandardCharsets.US_ASCII), data);
        chunk.put(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, IHDR chunk
        return concat(
                java.util.Arrays.copyOfRange(png, 0, afterHeader),
                chunk.array(),
                java.util.Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /** A one-page PDF, uncompressed, with {@code marker} as its title, author, XMP metadata and page text. */
    public static byte[] pdf(String marker) {
        return pdf(marker, null);
    }

    /** The same, encrypted with a user password (it cannot be opened without it). */
    public static byte[] pdfWithPassword(String marker, String password) {
        return pdf(marker, password);
    }

    private static byte[] pdf(String marker, String password) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("page text " + marker);
                content.endText();
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("title " + marker);
            info.setAuthor("author " + marker);
            document.setDocumentInformation(info);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                            + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
                            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>xmp " + marker
                            + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
                    .getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(metadata);
            if (password != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An MP3: an ID3v2 tag holding {@code marker}, {@code frames} silent Layer III frames, an ID3v1 tag. */
    public static byte[] mp3(String marker, int frames) {
        byte[] title = ("\0" + marker).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer frame = ByteBuffer.allocate(10 + title.length);
        frame.put("TIT2".getBytes(StandardCharsets.US_ASCII))
                .putInt(title.length)
                .putShort((short) 0)
                .put(title);
        byte[] tagBody = frame.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ID3".getBytes(StandardCharsets.US_ASCII));
        out.write(3);
        out.write(0);
        out.write(0);
        int size = tagBody.length;
        out.write((size >> 21) & 0x7F);
        out.write((size >> 14) & 0x7F);
        out.write((size >> 7) & 0x7F);
        out.write(size & 0x7F);
        out.writeBytes(tagBody);
        for (int i = 0; i < frames; i++) {
            byte[] audio = new byte[417]; // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding
            audio[0] = (byte) 0xFF;
            audio[1] = (byte) 0xFB;
            audio[2] = (byte) 0x90;
            audio[3] = 0x00;
            out.writeBytes(audio);
        }
        byte[] v1 = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, v1, 0, 3);
        byte[] name = marker.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(name, 0, v1, 3, Math.min(30, name.length));
        out.writeBytes(v1);
        return out.toByteArray();
    }

    /** A WAV of silence with a {@code LIST/INFO} chunk holding {@code marker} before the samples. */
    public static byte[] wav(String marker, int samples) {
        byte[] info = concat(
                "INFOINAM".getBytes(StandardCharsets.US_ASCII),
                le32(marker.length() + 1),
                (marker + "\0").getBytes(StandardCharsets.US_ASCII));
        if ((info.length & 1) == 1) {
            info = concat(info, new byte[] {0});
        }
        ByteBuffer format = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        format.putShort((short) 1)
                .putShort((short) 1)
                .putInt(8000)
                .putInt(16000)
                .putShort((short) 2)
                .putShort((short) 16);
        byte[] body = concat(
                "WAVE".getBytes(StandardCharsets.US_ASCII),
                "fmt ".getBytes(StandardCharsets.US_ASCII),
                le32(16),
                format.array(),
                "LIST".getBytes(StandardCharsets.US_ASCII),
                le32(info.length),
                info,
                "data".getBytes(StandardCharsets.US_ASCII),
                le32(samples * 2),
                new byte[samples * 2]);
        return concat("RIFF".getBytes(StandardCharsets.US_ASCII), le32(body.length), body);
    }

    /**
     * An M4A file: {@code ftyp} (brand {@code M4A }), a {@code moov} holding a movie header, user data
     * with a place ({@code ©xyz}) and a title holding {@code marker}, a track with its own user data, and
     * a top-level {@code uuid} (XMP) box; then {@code mdat}.
     */
    public static byte[] m4a(String marker) {
        byte[] ftyp = box(
                "ftyp",
                concat(
                        "M4A ".getBytes(StandardCharsets.US_ASCII),
                        new byte[4],
                        "M4A isom".getBytes(StandardCharsets.US_ASCII)));
        byte[] place = box("\u00a9xyz", ("+43.2+076.9/" + marker).getBytes(StandardCharsets.UTF_8));
        byte[] udta =
                box("udta", concat(place, box("\u00a9nam", ("title " + marker).getBytes(StandardCharsets.UTF_8))));
        byte[] trak = box(
                "trak",
                concat(box("tkhd", new byte[84]), box("udta", box("name", marker.getBytes(StandardCharsets.UTF_8)))));
        byte[] moov = box("moov", concat(box("mvhd", new byte[100]), udta, trak));
        byte[] xmp = box(
                "uuid",
                concat(new byte[16], ("<x:xmpmeta>" + marker + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        byte[] mdat = box("mdat", new byte[64]);
        return concat(ftyp, moov, xmp, mdat);
    }

    private static byte[] box(String type, byte[] body) {
        return concat(
                ByteBuffer.allocate(4).putInt(8 + body.length).array(),
                type.getBytes(StandardCharsets.ISO_8859_1),
                body);
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether {@code needle} occurs in {@code haystack}. O(n·m), fine for test files. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }
}
