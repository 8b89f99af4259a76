package org.rubrica.templates;

import java.io.IOException;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Where a rendered document has room for each signature: the renderer lists the boxes the template marked
 * {@code firma-1}, {@code firma-2}… in the PDF's document information, as "id page left bottom width height"
 * (points, PDF's lower-left origin, pages from 1) separated by ";"; signing reads them to draw each signature's
 * block in its room.
 */
public final class SignatureAreas {

    /** The document information entry holding the list. */
    public static final String INFO_KEY = "RubricaSignatureAreas";
    /** The ids that mark a room for a signature. */
    public static final java.util.regex.Pattern IDS = java.util.regex.Pattern.compile("firma-\\d+");

    /** An area as DSS places a signature field: page from 1, origin at the page's top left corner, in points. */
    public record Area(int page, float left, float top, float width, float height) {
    }

    private SignatureAreas() {
    }

    /** One entry of the list, as the renderer writes it. */
    public static String entry(String id, int page, float left, float bottom, float width, float height) {
        return id + " " + page + " " + left + " " + bottom + " " + width + " " + height;
    }

    /** The room marked {@code id}, if the PDF lists one on one of its pages. */
    public static Optional<Area> find(byte[] pdf, String id) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String areas = document.getDocumentInformation().getCustomMetadataValue(INFO_KEY);
            if (areas == null) {
                return Optional.empty();
            }
            for (String area : areas.split(";")) {
                String[] part = area.trim().split(" ");
                if (part.length == 6 && part[0].equals(id)) {
                    int page = Integer.parseInt(part[1]);
                    if (page < 1 || page > document.getNumberOfPages()) {
                        return Optional.empty();
                    }
                    float pageHeight = document.getPage(page - 1).getMediaBox().getHeight();
                    float bottom = Float.parseFloat(part[3]);
                    float height = Float.parseFloat(part[5]);
                    return Optional.of(new Area(page, Float.parseFloat(part[2]), pageHeight - bottom - height,
                            Float.parseFloat(part[4]), height));
                }
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no usable room: the signature is made invisible rather than not at all
        }
    }
}
