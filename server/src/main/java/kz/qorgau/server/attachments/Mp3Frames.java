package kz.qorgau.server.attachments;

/**
 * MPEG audio Layer III frame headers: enough to tell an MP3 from noise and to walk its frames, so
 * that tags (ID3, APE, Lyrics) between and around them can be left out of the listening copy.
 */
final class Mp3Frames {

    private static final int[] BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000}, // MPEG 2.5
        {0, 0, 0}, // reserved
        {22050, 24000, 16000}, // MPEG 2
        {44100, 48000, 32000} // MPEG 1
    };

    private Mp3Frames() {}

    static boolean isFrameHeader(byte[] data, int at) {
        return frameLength(data, at) > 0;
    }

    /** The length in bytes of the Layer III frame starting at {@code at}, or 0 if none starts there. */
    static int frameLength(byte[] data, int at) {
        if (at < 0 || at + 4 > data.length) {
            return 0;
        }
        int b1 = data[at + 1] & 0xFF;
        int b2 = data[at + 2] & 0xFF;
        if ((data[at] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
            return 0;
        }
        int version = (b1 >> 3) & 3;
        int layer = (b1 >> 1) & 3;
        int bitrateIndex = (b2 >> 4) & 0xF;
        int sampleIndex = (b2 >> 2) & 3;
        int padding = (b2 >> 1) & 1;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || sampleIndex == 3) {
            return 0;
        }
        int bitrate = (version == 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
        int sampleRate = SAMPLE_RATES[version][sampleIndex];
        int coefficient = version == 3 ? 144 : 72;
        return coefficient * bitrate / sampleRate + padding;
    }
}
