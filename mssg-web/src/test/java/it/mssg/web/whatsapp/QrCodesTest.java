package it.mssg.web.whatsapp;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

    /** The drawn matrix reads back as the very code WhatsApp gave, and the SVG draws exactly its dark modules. */
    @ParameterizedTest
    @ValueSource(strings = {"2@Lq8lKzQvZ3nqWm1hB0bS2z,6f3pQ9dWm2o8QO0xk2XJ0n5mQ1A=,tZ0o4Y9S8ShDqQF6U2KpM4n8w==,ZmFrZWtleQ==",
            "short", "ünïcode ✓"})
    void roundTrips(String code) throws Exception {
        BitMatrix matrix = QrCodes.matrix(code);
        int scale = 4;
        int size = matrix.getWidth() * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(size, size, pixels)))).getText();
        assertThat(decoded).isEqualTo(code);

        String svg = new String(Base64.getDecoder().decode(QrCodes.svgDataUri(code).substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        int drawn = 0;
        java.util.regex.Matcher runs = java.util.regex.Pattern.compile("h(\\d+)v1").matcher(svg);
        while (runs.find()) {
            drawn += Integer.parseInt(runs.group(1));
        }
        assertThat(drawn).isEqualTo(dark);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getWidth() + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void noCodeNoImage(String code) {
        assertThat(QrCodes.svgDataUri(code)).isNull();
        assertThat(QrCodes.svgDataUri(null)).isNull();
    }
}
