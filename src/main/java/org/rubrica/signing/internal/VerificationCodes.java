package org.rubrica.signing.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The verification code printed on a signed oficio and the QR that leads to its verification page. A code is
 * twelve characters of Crockford's base 32 (60 random bits: not guessable, yet short enough to type from paper),
 * shown in groups of four: {@code K7QM-2XD9-PZAH}. Typed codes are read forgivingly: case, spaces and dashes do
 * not matter, and O, I and L are read as 0, 1 and 1.
 */
@Component
public class VerificationCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern CANONICAL = Pattern.compile("[0-9A-HJKMNP-TV-Z]{12}");
    private static final int QR_MODULE_PIXELS = 8;

    private final SecureRandom random = new SecureRandom();
    private final String verificationUrl;

    VerificationCodes(@Value("${rubrica.base-url:http://localhost:8080}") String baseUrl) {
        this.verificationUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/verificar/";
    }

    public String newCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** A typed or scanned code in its printed form, or empty when it cannot be one. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (!CANONICAL.matcher(plain).matches()) {
            return Optional.empty();
        }
        return Optional.of(plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8));
    }

    /** Where the code is checked: the address its QR holds. */
    public String url(String code) {
        return verificationUrl + code;
    }

    /** A PNG of the QR code of {@link #url}, black on white with the standard quiet zone. */
    public byte[] qrPng(String code) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url(code), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int size = matrix.getWidth() * QR_MODULE_PIXELS;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / QR_MODULE_PIXELS, y / QR_MODULE_PIXELS) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("a verification address did not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
