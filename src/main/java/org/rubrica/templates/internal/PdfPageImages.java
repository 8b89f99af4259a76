package org.rubrica.templates.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** PDF pages as PNG images with PDFBox, for previews in any browser, phones included. */
public final class PdfPageImages {

    private static final int MAX_DPI = 300;
    /**
     * The JDK's PNG writer maps this to a low deflate level: about half the encoding time of the default
     * for 5 % larger files (measured on a Letter page at 96 dpi: 26 ms and 128 KiB against 49 ms and 122 KiB).
     */
    private static final float PNG_COMPRESSION_QUALITY = 0.75f;

    public List<byte[]> render(byte[] pdf, int dpi) {
        if (dpi < 10 || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be between 10 and " + MAX_DPI + ": " + dpi);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<byte[]> pages = new ArrayList<>(document.getNumberOfPages());
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(png(renderer.renderImageWithDPI(i, dpi, ImageType.RGB)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("PDF could not be rendered as images", e);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(PNG_COMPRESSION_QUALITY);
            ByteArrayOutputStream png = new ByteArrayOutputStream(128 * 1024);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), params);
            }
            return png.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
