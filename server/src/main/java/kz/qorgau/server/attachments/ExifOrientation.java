package kz.qorgau.server.attachments;

/**
 * Reads the orientation tag (0x0112) of a JPEG's EXIF block, so that the viewing copy — which has no
 * EXIF — is turned upright rather than shown as the camera's sensor saw it. Every other tag, GPS
 * included, is ignored and dropped with the rest of the metadata.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int MAX_MARKERS = 64;

    private ExifOrientation() {}

    /** The orientation (1 to 8, as EXIF numbers them), or 1 when absent or unreadable. O(header size). */
    static int of(byte[] jpeg) {
        int at = 2; // after SOI
        for (int markers = 0; markers < MAX_MARKERS && at + 4 <= jpeg.length; markers++) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL; // start of scan or end of image: no EXIF before the pixels
            }
            int length = u16(jpeg, at + 2, true);
            if (length < 2) {
                return NORMAL;
            }
            int segment = at + 4;
            int end = at + 2 + length;
            if (end > jpeg.length) {
                return NORMAL;
            }
            if (marker == 0xE1 && ContentSniffer.startsWith(jpeg, segment, ContentSniffer.ascii("Exif\0\0"))) {
                return fromTiff(jpeg, segment + 6, end);
            }
            at = end;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] data, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean bigEndian;
        if (data[tiff] == 'M' && data[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (data[tiff] == 'I' && data[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        if (u16(data, tiff + 2, bigEndian) != 42) {
            return NORMAL;
        }
        long ifd = u32(data, tiff + 4, bigEndian);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return NORMAL;
        }
        int directory = (int) (tiff + ifd);
        int entries = u16(data, directory, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(data, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] data, int at, boolean bigEndian) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    private static long u32(byte[] data, int at, boolean bigEndian) {
        long high = u16(data, bigEndian ? at : at + 2, bigEndian);
        long low = u16(data, bigEndian ? at + 2 : at, bigEndian);
        return (high << 16) | low;
    }
}
