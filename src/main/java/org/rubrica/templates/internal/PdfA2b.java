package org.rubrica.templates.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfICCBased;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.xml.xmp.XmpWriter;

/**
 * What a PDF from {@link XhtmlToPdf} needs besides embedded fonts to be PDF/A-2b (ISO 19005-2, level B): an sRGB
 * output intent, so the device colours it paints with (CSS colours, RGB and grey images) have a defined meaning,
 * and XMP metadata that declares part 2, conformance B and repeats the document information (title, author,
 * creator, producer, dates) word for word. The writer adds the file identifier to the trailer by itself.
 * <p>
 * OpenPDF's own PDF/A switch ({@code setPDFXConformance(PDFA2B)}) is not used: it applies PDF/X-1 and PDF/A-1
 * rules and refuses images with a soft mask (logos with transparent background) and fill opacities below one
 * (CSS {@code rgba} colours), both of which PDF/A-2 allows. See docs/pdfa.md.
 */
final class PdfA2b {

    /** The JDK's sRGB profile (ICC v2, a display profile, as PDF/A asks for an RGB output intent). */
    private static final ICC_Profile SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
    private static final String SRGB_NAME = "sRGB IEC61966-2.1";

    private PdfA2b() {
    }

    /**
     * Called last, when the pages are written and the document information is complete, before the writer
     * closes the document.
     */
    static void complete(PdfWriter writer) {
        addOutputIntent(writer);
        addMetadata(writer);
    }

    /** The output intent, in the catalog. */
    private static void addOutputIntent(PdfWriter writer) {
        try {
            PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
            intent.put(PdfName.S, PdfName.GTS_PDFA1); // the subtype every PDF/A part uses
            intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB_NAME));
            intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
            intent.put(PdfName.INFO, new PdfString(SRGB_NAME));
            PdfICCBased profile = new PdfICCBased(SRGB, writer.getCompressionLevel());
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
            writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The XMP metadata stream (uncompressed, readable without PDF tools), made from the document information
     * itself so the two cannot disagree.
     */
    private static void addMetadata(PdfWriter writer) {
        ByteArrayOutputStream xmp = new ByteArrayOutputStream(4096);
        try {
            new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFA2B).close(); // writes as it is made
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.setXmpMetadata(xmp.toByteArray());
    }
}
