package org.rubrica.templates.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.rubrica.shared.InvalidInputException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Keeps only the drawing part of an SVG: an allow-list of shape, text, gradient and grouping elements, no
 * scripts, event handlers, foreign content, embedded or linked images, animation, or links outside the
 * document; no entity declarations and no stylesheets that fetch anything. What is left is safe to show in
 * a browser and to rasterise.
 */
final class SvgSanitizer {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "style", "metadata");
    /** Anything that fetches, runs or escapes CSS: url() other than a fragment, imports, expressions, scripts. */
    private static final Pattern UNSAFE_CSS = Pattern.compile(
            "url\\s*\\(\\s*['\"]?\\s*(?!#)|@import|expression\\s*\\(|javascript:|behavior\\s*:|-moz-binding",
            Pattern.CASE_INSENSITIVE);

    private SvgSanitizer() {
    }

    /** An XML document whose first element is {@code <svg>}, judged from its opening bytes. */
    static boolean looksLikeSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        if (!head.startsWith("<")) {
            return false;
        }
        String rest = head.replaceAll("(?s)^(<\\?.*?\\?>\\s*|<!--.*?-->\\s*|<!DOCTYPE[^>\\[]*(\\[.*?\\])?\\s*>\\s*)*", "");
        return rest.startsWith("<svg") || rest.matches("(?s)^<[A-Za-z_][\\w.-]*:svg[\\s>].*");
    }

    static byte[] sanitize(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.contains("<!ENTITY")) {
            throw new InvalidInputException("asset.unreadable", "file"); // entity bombs and external entities
        }
        Document document = parse(bytes);
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new InvalidInputException("asset.type", "file");
        }
        clean(root);
        removeOutsideRoot(document);
        return serialise(document);
    }

    private static void clean(Element element) {
        for (Node child : children(element)) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element e = (Element) child;
                    boolean svg = SVG_NS.equals(e.getNamespaceURI());
                    if (!svg || !ELEMENTS.contains(e.getLocalName())
                            || ("style".equals(e.getLocalName()) && UNSAFE_CSS.matcher(e.getTextContent()).find())) {
                        element.removeChild(e);
                    } else if ("metadata".equals(e.getLocalName())) {
                        element.removeChild(e); // editors' metadata: foreign namespaces, nothing to draw
                    } else {
                        clean(e);
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                }
                default -> element.removeChild(child); // comments, processing instructions, entity references
            }
        }
        cleanAttributes(element);
    }

    private static void cleanAttributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> unsafe = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = (a.getLocalName() == null ? a.getName() : a.getLocalName()).toLowerCase(Locale.ROOT);
            String value = a.getValue().strip().toLowerCase(Locale.ROOT);
            String ns = a.getNamespaceURI();
            boolean namespaceDeclaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns);
            boolean foreign = ns != null && !namespaceDeclaration && !XLINK_NS.equals(ns)
                    && !XMLConstants.XML_NS_URI.equals(ns);
            boolean link = name.equals("href");
            if (name.startsWith("on") || foreign
                    || (link && !value.startsWith("#"))
                    || value.contains("javascript:")
                    || UNSAFE_CSS.matcher(a.getValue()).find()) {
                unsafe.add(a);
            }
        }
        unsafe.forEach(element::removeAttributeNode);
    }

    private static void removeOutsideRoot(Document document) {
        for (Node child : children(document)) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                document.removeChild(child); // doctype, stylesheet instructions, comments
            }
        }
    }

    private static List<Node> children(Node node) {
        List<Node> list = new ArrayList<>();
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            list.add(c);
        }
        return list;
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("asset.unreadable", "file");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialise(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
