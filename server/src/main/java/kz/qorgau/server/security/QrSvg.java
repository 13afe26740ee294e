package kz.qorgau.server.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as an inline SVG element, for the second-factor enrolment page: an authenticator app
 * scans the {@code otpauth://} URI from the screen instead of the key being typed. Drawn on the server
 * from ZXing's bit matrix as one path of unit squares — no script, no image request, nothing that the
 * Content-Security-Policy would have to allow, and the secret never leaves the page.
 */
final class QrSvg {

    private static final int QUIET_ZONE = 4;

    private QrSvg() {}

    /** The SVG markup (only numbers and fixed text: safe to write unescaped into the page). */
    static String of(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " characters", e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" width=\"" + (width * 4) + "\" height=\"" + (height * 4)
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-labelledby=\"totp-qr-title\">"
                + "<title id=\"totp-qr-title\">QR</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
