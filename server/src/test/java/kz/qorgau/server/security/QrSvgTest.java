package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

    private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    /** Draws the SVG's squares into an image, as a phone's camera would see the screen. */
    private static BufferedImage render(String svg, int scale) {
        Matcher box = BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int width = Integer.parseInt(box.group(1));
        int height = Integer.parseInt(box.group(2));
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            int sx = Integer.parseInt(square.group(1)) * scale;
            int sy = Integer.parseInt(square.group(2)) * scale;
            for (int y = sy; y < sy + scale; y++) {
                for (int x = sx; x < sx + scale; x++) {
                    image.setRGB(x, y, 0);
                }
            }
        }
        return image;
    }

    @Test
    void theCodeReadsBackAsTheEnrolmentUri() throws Exception {
        String uri = "otpauth://totp/Qorgau:school1.lead?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Qorgau";
        String svg = QrSvg.of(uri);
        assertThat(svg).startsWith("<svg").doesNotContain("<script").doesNotContain("href");

        BufferedImage image = render(svg, 4);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        String read = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
        assertThat(read).isEqualTo(uri);
    }
}
