package org.rubrica.templates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openpdf.pdf.DefaultPDFCreationListener;
import org.openpdf.pdf.ITextFontResolver;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextRenderer;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.rubrica.templates.TemplateRenderException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XHTML to PDF with openpdf-html. Liberation Sans and Liberation Serif (all four styles) are embedded as
 * subsets with Identity-H encoding, so every character prints as typed; templates name them as
 * {@code font-family: "Liberation Serif"} or {@code "Liberation Sans"}. The XHTML is parsed with DOCTYPEs
 * forbidden (no external entities) and the engine may fetch no resources (see {@link SandboxedUserAgent}).
 * Thread-safe: every call builds its own renderer; font resolvers are pooled and used by one call at a time.
 */
public final class XhtmlToPdf {

    private static final String[] FONTS = {
            "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
            "liberation/LiberationSans-Italic.ttf", "liberation/LiberationSans-BoldItalic.ttf",
            "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
            "liberation/LiberationSerif-Italic.ttf", "liberation/LiberationSerif-BoldItalic.ttf",
    };

    /** Registering the eight fonts costs ~70 ms per resolver, so resolvers are reused, one render at a time. */
    private static final int MAX_IDLE_RESOLVERS = 16;

    private final DocumentBuilderFactory xmlParsers = hardenedParserFactory();
    private final Deque<ITextFontResolver> idleResolvers = new ConcurrentLinkedDeque<>();

    /**
     * What the PDF's document information says ({@code null} values are left out), and whether every page
     * gets the diagonal draft mark.
     */
    public record PdfInfo(String title, String author, boolean draft) {
    }

    public byte[] render(String xhtml, PdfInfo info) {
        Document dom = parse(xhtml);
        float dotsPerPoint = ITextRenderer.DEFAULT_DOTS_PER_POINT;
        int dotsPerPixel = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;
        ITextOutputDevice device = new ITextOutputDevice(dotsPerPoint);
        ITextFontResolver fonts = borrowFonts();
        ITextRenderer renderer = new ITextRenderer(dotsPerPoint, dotsPerPixel, device,
                new SandboxedUserAgent(device, dotsPerPixel), fonts);
        try {
            renderer.setDocument(dom, null); // also forgets any @font-face fonts of the previous document
            renderer.setListener(new Metadata(info));
            if (info.draft()) {
                renderer.setPdfPageEvent(new DraftMark());
            }
            renderer.layout();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(pdf);
            return pdf.toByteArray();
        } catch (RuntimeException e) {
            throw new TemplateRenderException("The document could not be laid out as PDF: " + e.getMessage(), e);
        } finally {
            if (idleResolvers.size() < MAX_IDLE_RESOLVERS) {
                idleResolvers.push(fonts);
            }
        }
    }

    private ITextFontResolver borrowFonts() {
        ITextFontResolver fonts = idleResolvers.poll();
        if (fonts != null) {
            return fonts;
        }
        fonts = new ITextFontResolver();
        try {
            for (String font : FONTS) {
                fonts.addFont(font, BaseFont.IDENTITY_H, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Fonts missing from the classpath (openpdf-fonts-extra)", e);
        }
        return fonts;
    }

    private Document parse(String xhtml) {
        try {
            DocumentBuilder builder;
            synchronized (xmlParsers) { // the factory is not thread-safe; builders are used by one thread
                builder = xmlParsers.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing to stderr
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new TemplateRenderException("The template produced malformed XHTML: " + e.getMessage()
                    + " (output line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")", e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new TemplateRenderException("The template produced malformed XHTML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory hardenedParserFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets title and author after the engine has read the XHTML head, so the caller's values win. */
    private static final class Metadata extends DefaultPDFCreationListener {

        private final PdfInfo info;

        Metadata(PdfInfo info) {
            this.info = info;
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            if (info.title() != null) {
                renderer.getOutputDevice().setMetadata("title", info.title());
            }
            if (info.author() != null) {
                renderer.getOutputDevice().setMetadata("author", info.author());
            }
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            renderer.getWriter().getInfo().put(PdfName.CREATOR, new PdfString("Rubrica", PdfObject.TEXT_UNICODE));
        }
    }
}
