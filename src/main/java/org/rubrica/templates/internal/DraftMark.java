package org.rubrica.templates.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A large diagonal "BORRADOR" beneath the text of every page. Drawn by the renderer rather than the
 * template because the PDF engine has no CSS transforms, and so that no template can make a draft look final.
 */
final class DraftMark extends PdfPageEventHelper {

    private static final Color LIGHT_GREY = new Color(0xDC, 0xE0, 0xE5);
    private static final float FONT_SIZE = 96;

    private final BaseFont font;

    DraftMark() {
        try {
            font = XhtmlToPdf.embeddedFont("liberation/LiberationSans-Bold.ttf"); // embedded, as PDF/A asks
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        Rectangle page = document.getPageSize();
        float angle = (float) Math.toDegrees(Math.atan2(page.getHeight(), page.getWidth()));
        PdfContentByte under = writer.getDirectContentUnder();
        under.saveState();
        under.beginText();
        under.setColorFill(LIGHT_GREY);
        under.setFontAndSize(font, FONT_SIZE);
        under.showTextAligned(Element.ALIGN_CENTER, "BORRADOR", page.getWidth() / 2,
                page.getHeight() / 2 - FONT_SIZE / 3, angle);
        under.endText();
        under.restoreState();
    }
}
