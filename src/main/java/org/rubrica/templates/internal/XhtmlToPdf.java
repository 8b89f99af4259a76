package org.rubrica.templates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openpdf.pdf.DefaultPDFCreationListener;
import org.openpdf.pdf.ITextFontResolver;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextRenderer;
import org.rubrica.templates.SignatureAreas;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.rubrica.templates.TemplateRenderException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XHTML to PDF with openpdf-html. Liberation Sans and Liberation Serif (all four styles) are embedded as
 * subsets with Identity-H encoding, so every character prints as typed; templates name them as
 * {@code font-family: "Liberation Serif"} or {@code "Liberation Sans"}. The XHTML is parsed with DOCTYPEs
 * forbidden (no external entities) and the engine may fetch no resources (see {@link SandboxedUserAgent}).
 * Thread-safe: renderers are pooled and used by one call at a time. A pooled renderer keeps its registered
 * fonts and the engine's parsed default stylesheet, which is most of the fixed cost of a document; the
 * document's own stylesheet is parsed anew every time, so templates never see each other's styles.
 */
public final class XhtmlToPdf {

    private static final String[] FONTS = {
            "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
            "liberation/LiberationSans-Italic.ttf", "liberation/LiberationSans-BoldItalic.ttf",
            "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
            "liberation/LiberationSerif-Italic.ttf", "liberation/LiberationSerif-BoldItalic.ttf",
    };

    /**
     * Registering the eight fonts costs ~70 ms per renderer and parsing the default stylesheet a few ms more,
     * so renderers are reused, one render at a time.
     */
    private static final int MAX_IDLE_RENDERERS = 16;

    private final DocumentBuilderFactory xmlParsers = hardenedParserFactory();
    private final AssetResolver assets;
    private final Deque<Pooled> idleRenderers = new ConcurrentLinkedDeque<>();
    private volatile DraftMark draftMark;

    /**
     * What the PDF's document information says ({@code null} values are left out), and whether every page
     * gets the diagonal draft mark.
     */
    public record PdfInfo(String title, String author, boolean draft) {
    }

    /** @param assets the images {@code asset:<name>} addresses print */
    public XhtmlToPdf(AssetResolver assets) {
        this.assets = assets;
    }

    public byte[] render(String xhtml, PdfInfo info) {
        Document dom = parse(xhtml);
        Pooled pooled = borrowRenderer();
        ITextRenderer renderer = pooled.renderer;
        boolean reusable = false;
        try {
            pooled.forgetMetadata(dom);
            renderer.setDocument(dom, null); // also forgets any @font-face fonts of the previous document
            renderer.setPdfPageEvent(info.draft() ? draftMark() : null);
            renderer.setListener(new Metadata(info));
            renderer.layout();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(pdf);
            reusable = true;
            return pdf.toByteArray();
        } catch (RuntimeException e) {
            throw new TemplateRenderException("The document could not be laid out as PDF: " + e.getMessage(), e);
        } finally {
            // a renderer that failed half-way may hold half a document: it is not reused
            if (reusable && idleRenderers.size() < MAX_IDLE_RENDERERS) {
                pooled.userAgent.shrinkImageCache(); // the engine never trims its image cache by itself
                idleRenderers.push(pooled);
            }
        }
    }

    private Pooled borrowRenderer() {
        Pooled pooled = idleRenderers.poll();
        if (pooled != null) {
            return pooled;
        }
        ITextFontResolver fonts = new ITextFontResolver();
        try {
            for (String font : FONTS) {
                fonts.addFont(font, BaseFont.IDENTITY_H, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Fonts missing from the classpath (openpdf-fonts-extra)", e);
        }
        float dotsPerPoint = ITextRenderer.DEFAULT_DOTS_PER_POINT;
        int dotsPerPixel = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;
        ITextOutputDevice device = new ITextOutputDevice(dotsPerPoint);
        SandboxedUserAgent userAgent = new SandboxedUserAgent(device, dotsPerPixel, assets);
        return new Pooled(new ITextRenderer(dotsPerPoint, dotsPerPixel, device, userAgent, fonts), userAgent);
    }

    /**
     * A renderer and the metadata names its output device may still hold. The device keeps document metadata
     * (title, author, every {@code <meta name>} of the head) from one document to the next; they are removed
     * before the next document, or a document without an author would inherit the previous one's.
     */
    private static final class Pooled {

        private static final Set<String> ALWAYS = Set.of("title", "author", "subject", "keywords", "creator");

        final ITextRenderer renderer;
        final SandboxedUserAgent userAgent;
        private Set<String> lastNames = ALWAYS;

        Pooled(ITextRenderer renderer, SandboxedUserAgent userAgent) {
            this.renderer = renderer;
            this.userAgent = userAgent;
        }

        void forgetMetadata(Document next) {
            ITextOutputDevice device = renderer.getOutputDevice();
            for (String name : lastNames) {
                device.setMetadata(name, null); // null removes every entry of that name
            }
            Set<String> names = new HashSet<>(ALWAYS);
            NodeList metas = next.getElementsByTagNameNS("*", "meta");
            for (int i = 0; i < metas.getLength(); i++) {
                names.add(((Element) metas.item(i)).getAttribute("name"));
            }
            names.remove("");
            lastNames = names;
        }
    }

    /** Stateless apart from its font, so one serves every document. */
    private DraftMark draftMark() {
        DraftMark mark = draftMark;
        if (mark == null) {
            mark = new DraftMark();
            draftMark = mark;
        }
        return mark;
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

    /** The laid-out boxes marked as rooms for signatures, as {@link SignatureAreas} lists them. */
    private static String signatureAreas(ITextRenderer renderer) {
        return renderer.findPagePositionsByID(SignatureAreas.IDS).stream()
                .map(a -> SignatureAreas.entry(a.getId(), a.getPageNo() + 1, a.getX(), a.getY(), a.getWidth(),
                        a.getHeight()))
                .collect(java.util.stream.Collectors.joining(";"));
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
            String signatureAreas = signatureAreas(renderer); // known once the pages are written
            if (!signatureAreas.isEmpty()) {
                renderer.getWriter().getInfo().put(new PdfName(SignatureAreas.INFO_KEY), new PdfString(signatureAreas));
            }
        }
    }
}
