package org.rubrica.templates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openpdf.pdf.DefaultPDFCreationListener;
import org.openpdf.pdf.FontFamily;
import org.openpdf.pdf.ITextFontResolver;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextRenderer;
import org.rubrica.templates.SignatureAreas;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.rubrica.templates.TemplateRenderException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XHTML to PDF/A-2b with openpdf-html. Liberation Sans, Serif and Mono (all four styles) are embedded as
 * subsets with Identity-H encoding, so every character prints as typed; templates name them as
 * {@code font-family: "Liberation Serif"} or {@code "Liberation Sans"}. The engine's built-in fonts (Helvetica,
 * Times, Courier, Symbol, ZapfDingbats) cannot be embedded, which PDF/A forbids, so they are not offered: the
 * generic families and those names print in the metric-compatible Liberation face, and any other unknown
 * family falls back to Liberation Serif. Every PDF, drafts included, declares and meets PDF/A-2b
 * ({@link PdfA2b}; docs/pdfa.md). The XHTML is parsed with DOCTYPEs
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
            "liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf",
            "liberation/LiberationMono-Italic.ttf", "liberation/LiberationMono-BoldItalic.ttf",
    };

    /**
     * Family names (as the engine normalises them: {@code serif} is "Serif", {@code sans-serif} "SansSerif",
     * {@code monospace} "Monospaced"; "Serif" is also the fallback for a family nobody registered) that print
     * in a Liberation face instead of a built-in font that would not be embedded.
     */
    private static final Map<String, String[]> ALIASES = Map.of(
            "Liberation Sans", new String[] {"SansSerif", "Dialog", "Helvetica", "Arial"},
            "Liberation Serif", new String[] {"Serif", "TimesRoman", "Times", "Times New Roman"},
            "Liberation Mono", new String[] {"Monospaced", "DialogInput", "Courier", "Courier New"});

    /**
     * Registering the fonts costs tens of milliseconds per renderer (~70 ms for the first eight when measured)
     * and parsing the default stylesheet a few ms more, so renderers are reused, one render at a time.
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
        ITextFontResolver fonts = new EmbeddedFontsOnly();
        try {
            for (String path : FONTS) {
                fonts.addFont(embeddedFont(path), path, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Fonts missing from the classpath (openpdf-fonts-extra)", e);
        }
        Map<String, FontFamily> families = fonts.getFonts();
        ALIASES.forEach((family, aliases) -> {
            FontFamily liberation = families.get(family);
            if (liberation == null) {
                throw new IllegalStateException("Font family not registered: " + family);
            }
            for (String alias : aliases) {
                families.put(alias, liberation);
            }
        });
        float dotsPerPoint = ITextRenderer.DEFAULT_DOTS_PER_POINT;
        int dotsPerPixel = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;
        ITextOutputDevice device = new ITextOutputDevice(dotsPerPoint);
        SandboxedUserAgent userAgent = new SandboxedUserAgent(device, dotsPerPixel, assets);
        ITextRenderer renderer = new ITextRenderer(dotsPerPoint, dotsPerPixel, device, userAgent, fonts);
        renderer.setPDFVersion(PdfWriter.VERSION_1_7); // PDF/A-2 is based on PDF 1.7 (ISO 32000-1)
        return new Pooled(renderer, userAgent);
    }

    /**
     * A Liberation face, embedded as a subset with Identity-H encoding and without a CIDSet: the engine's CIDSet
     * lists the characters used but not the glyphs accented letters are built from, which the subset contains
     * too, and PDF/A-2 refuses a CIDSet that does not list every glyph of the subset (it does not require one).
     */
    static BaseFont embeddedFont(String path) throws IOException {
        BaseFont font = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        font.setIncludeCidSet(false);
        return font;
    }

    /** A font resolver without the engine's built-in, never embedded, PDF fonts (see {@link #ALIASES}). */
    private static final class EmbeddedFontsOnly extends ITextFontResolver {

        @Override
        protected Map<String, FontFamily> loadFonts() {
            return new HashMap<>();
        }
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

    /**
     * Sets title and author after the engine has read the XHTML head, so the caller's values win; once the
     * document information is complete (with the signature rooms), adds what makes the file PDF/A-2b.
     */
    private static final class Metadata extends DefaultPDFCreationListener {

        private final PdfInfo info;

        Metadata(PdfInfo info) {
            this.info = info;
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            // characters XML forbids would make the XMP copy of these unreadable
            if (info.title() != null) {
                renderer.getOutputDevice().setMetadata("title", XmlChars.strip(info.title()));
            }
            if (info.author() != null) {
                renderer.getOutputDevice().setMetadata("author", XmlChars.strip(info.author()));
            }
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            renderer.getWriter().getInfo().put(PdfName.CREATOR, new PdfString("Rubrica", PdfObject.TEXT_UNICODE));
            String signatureAreas = signatureAreas(renderer); // known once the pages are written
            if (!signatureAreas.isEmpty()) {
                renderer.getWriter().getInfo().put(new PdfName(SignatureAreas.INFO_KEY), new PdfString(signatureAreas));
            }
            PdfA2b.complete(renderer.getWriter());
        }
    }
}
