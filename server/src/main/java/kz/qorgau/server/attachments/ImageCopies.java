package kz.qorgau.server.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Viewing copies of pictures: decoded with the JDK's ImageIO and encoded again, which keeps the
 * pixels and nothing else — no EXIF (camera, time, GPS position), XMP, IPTC, ICC profile comments or
 * PNG text chunks. Large pictures are scaled down while they are decoded (subsampling), so memory is
 * bounded by the copy's size, not the original's; a picture claiming more pixels than the limit is
 * refused before any pixel is decoded (decompression bombs).
 *
 * <p>Streams are memory-backed on purpose: ImageIO's default file cache would write the picture to
 * the temporary directory in clear.
 */
final class ImageCopies {

    private static final float JPEG_QUALITY = 0.88f;

    private ImageCopies() {}

    static ViewingCopy copy(byte[] content, AttachmentKind kind, long maxPixels, int maxSide) {
        ImageReader reader = reader(kind);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                return new ViewingCopy.Unreadable("unreadable");
            }
            if ((long) width * height > maxPixels) {
                return new ViewingCopy.Unreadable("too-many-pixels", Math.max(1, maxPixels / 1_000_000));
            }
            int step = Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage decoded = reader.read(0, param);
            int orientation = kind == AttachmentKind.JPEG ? ExifOrientation.of(content) : ExifOrientation.NORMAL;
            BufferedImage upright = orient(decoded, orientation, kind == AttachmentKind.PNG);
            return new ViewingCopy.Made(encode(upright, kind), kind);
        } catch (IOException | RuntimeException e) {
            // Malformed pictures surface as any of IIOException, IllegalArgumentException,
            // ArrayIndexOutOfBoundsException …: all mean the same to the person uploading it.
            return new ViewingCopy.Unreadable("unreadable");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(AttachmentKind kind) {
        Iterator<ImageReader> readers =
                ImageIO.getImageReadersByFormatName(kind == AttachmentKind.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no ImageIO reader for " + kind);
        }
        return readers.next();
    }

    /** The picture turned upright (EXIF orientation 1 to 8), as RGB, or ARGB when alpha is kept. */
    static BufferedImage orient(BufferedImage source, int orientation, boolean keepAlpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        int[] pixels = source.getRGB(0, 0, w, h, null, 0, w);
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int[] out = new int[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx;
                int ny;
                switch (orientation) {
                    case 2 -> {
                        nx = w - 1 - x;
                        ny = y;
                    }
                    case 3 -> {
                        nx = w - 1 - x;
                        ny = h - 1 - y;
                    }
                    case 4 -> {
                        nx = x;
                        ny = h - 1 - y;
                    }
                    case 5 -> {
                        nx = y;
                        ny = x;
                    }
                    case 6 -> {
                        nx = h - 1 - y;
                        ny = x;
                    }
                    case 7 -> {
                        nx = h - 1 - y;
                        ny = w - 1 - x;
                    }
                    case 8 -> {
                        nx = y;
                        ny = w - 1 - x;
                    }
                    default -> {
                        nx = x;
                        ny = y;
                    }
                }
                out[ny * outW + nx] = pixels[y * w + x];
            }
        }
        boolean alpha = keepAlpha && source.getColorModel().hasAlpha();
        BufferedImage result =
                new BufferedImage(outW, outH, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, outW, outH, out, 0, outW);
        return result;
    }

    private static byte[] encode(BufferedImage image, AttachmentKind kind) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(kind == AttachmentKind.PNG ? "png" : "jpeg")
                .next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (kind == AttachmentKind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
