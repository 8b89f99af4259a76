package org.rubrica.templates.internal;

import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;

import org.rubrica.shared.InvalidInputException;

/**
 * Checks an uploaded image by what its bytes are, never by its name or declared type: PNG and JPEG must be
 * decodable pictures within the size and dimension limits (read from the header first, so a small file
 * declaring a huge picture is refused before anything is decoded), and not CMYK (documents are PDF/A-2b with an
 * sRGB output intent, see docs/pdfa.md); SVG is reduced to an allow-list of
 * drawing elements and gets a PNG rendition for the PDF engine, which draws no SVG itself.
 */
public final class AssetImages {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_SIDE_PX = 4_000;
    public static final int MIN_SIDE_PX = 8;
    /** The longer side of an SVG's print rendition: a 4 cm logo at about 750 dpi. */
    static final int SVG_PRINT_SIDE_PX = 1_200;

    private AssetImages() {
    }

    /** An accepted image: for SVG, {@code content} is the sanitised text and {@code printPng} its rendition. */
    public record CheckedImage(String mediaType, byte[] content, byte[] printPng, int width, int height) {

        /** What the PDF engine gets. */
        public byte[] printable() {
            return printPng != null ? printPng : content;
        }
    }

    public static CheckedImage check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("validation.required", "file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("asset.too-large", "file", MAX_BYTES / (1024 * 1024));
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return raster(bytes, "image/png", "png");
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return raster(bytes, "image/jpeg", "jpeg");
        }
        if (SvgSanitizer.looksLikeSvg(bytes)) {
            return svg(bytes);
        }
        throw new InvalidInputException("asset.type", "file");
    }

    private static CheckedImage raster(byte[] bytes, String mediaType, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDimensions(width, height);
                BufferedImage decoded = reader.read(0); // the whole picture must decode, not just its header
                if (decoded == null) {
                    throw new InvalidInputException("asset.unreadable", "file");
                }
                if (decoded.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
                    // printed as DeviceCMYK, which a PDF/A file with an sRGB output intent may not use
                    throw new InvalidInputException("asset.cmyk", "file");
                }
                return new CheckedImage(mediaType, bytes, null, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("asset.unreadable", "file");
        }
    }

    private static CheckedImage svg(byte[] bytes) {
        byte[] clean = SvgSanitizer.sanitize(bytes);
        SVGDocument document;
        try {
            LoaderContext context = LoaderContext.builder()
                    .externalResourcePolicy(ResourcePolicy.DENY_ALL)
                    .documentLimits(new DocumentLimits(30, 10, 5_000))
                    .build();
            document = new SVGLoader().load(new ByteArrayInputStream(clean), null, context);
        } catch (RuntimeException e) {
            document = null;
        }
        if (document == null) {
            throw new InvalidInputException("asset.unreadable", "file");
        }
        FloatSize size = document.size();
        if (!(size.width >= 1 && size.height >= 1) || size.width > 100_000 || size.height > 100_000) {
            throw new InvalidInputException("asset.dimensions", "file", MIN_SIDE_PX, MAX_SIDE_PX);
        }
        double scale = SVG_PRINT_SIDE_PX / Math.max(size.width, size.height);
        int width = Math.max(1, (int) Math.round(size.width * scale));
        int height = Math.max(1, (int) Math.round(size.height * scale));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            document.render(null, g, new ViewBox(0, 0, width, height));
        } catch (RuntimeException e) {
            throw new InvalidInputException("asset.unreadable", "file");
        } finally {
            g.dispose();
        }
        return new CheckedImage("image/svg+xml", clean, png(image), Math.round(size.width), Math.round(size.height));
    }

    private static void checkDimensions(int width, int height) {
        if (width < MIN_SIDE_PX || height < MIN_SIDE_PX || width > MAX_SIDE_PX || height > MAX_SIDE_PX) {
            throw new InvalidInputException("asset.dimensions", "file", MIN_SIDE_PX, MAX_SIDE_PX);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
