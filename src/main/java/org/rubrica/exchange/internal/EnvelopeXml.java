package org.rubrica.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.rubrica.exchange.Acknowledgement;
import org.rubrica.exchange.Envelope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The envelope and the acknowledgement as XML ({@code urn:rubrica:exchange:1}), written for signing and read back
 * from what arrives. The
 * reader refuses DTDs and external entities, and reads only the root's own children (where the signature's
 * reference covers them), never elements found elsewhere.
 */
public final class EnvelopeXml {

    public static final String NAMESPACE = "urn:rubrica:exchange:1";

    private EnvelopeXml() {
    }

    /** Malformed or incomplete envelope XML. */
    public static final class MalformedEnvelope extends RuntimeException {
        MalformedEnvelope(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static byte[] write(Acknowledgement ack) {
        try {
            Document doc = builder().newDocument();
            Element root = doc.createElementNS(NAMESPACE, "Acknowledgement");
            doc.appendChild(root);
            text(root, "Id", ack.id().toString());
            text(root, "Envelope", ack.envelopeId().toString());
            Element from = child(root, "From");
            from.setAttribute("node", ack.fromNode());
            from.setAttribute("unit", ack.unitCode());
            child(root, "To").setAttribute("node", ack.toNode());
            Element receipt = child(root, "Receipt");
            receipt.setAttribute("entryNumber", ack.entryNumber());
            receipt.setAttribute("at", ack.receivedAt().toString());
            receipt.setAttribute("acuseSha256", ack.acuseSha256());
            return serialise(doc);
        } catch (Exception e) {
            throw new IllegalStateException("the acknowledgement could not be written", e);
        }
    }

    /** @throws MalformedEnvelope when it is not an acknowledgement this installation can read */
    public static Acknowledgement readAcknowledgement(byte[] xml) {
        try {
            Element root = root(xml, "Acknowledgement");
            Element from = only(root, "From");
            Element receipt = only(root, "Receipt");
            return new Acknowledgement(UUID.fromString(only(root, "Id").getTextContent().strip()),
                    UUID.fromString(only(root, "Envelope").getTextContent().strip()), required(from, "node"),
                    required(only(root, "To"), "node"), required(from, "unit"), required(receipt, "entryNumber"),
                    Instant.parse(required(receipt, "at")), required(receipt, "acuseSha256"));
        } catch (MalformedEnvelope e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedEnvelope("unreadable acknowledgement: " + e.getMessage(), e);
        }
    }

    private static byte[] serialise(Document doc) throws Exception {
        Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private static Element root(byte[] xml, String name) throws Exception {
        Element root = builder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !name.equals(root.getLocalName())) {
            throw new IllegalArgumentException("not an " + name);
        }
        return root;
    }

    public static byte[] write(Envelope envelope) {
        try {
            Document doc = builder().newDocument();
            Element root = doc.createElementNS(NAMESPACE, "Envelope");
            doc.appendChild(root);
            text(root, "Id", envelope.id().toString());
            text(root, "SentAt", envelope.sentAt().toString());
            Element from = child(root, "From");
            from.setAttribute("node", envelope.fromNode());
            from.setAttribute("unit", envelope.fromUnitCode());
            from.setTextContent(envelope.fromUnitName());
            Element to = child(root, "To");
            to.setAttribute("node", envelope.toNode());
            to.setAttribute("unit", envelope.toUnitCode());
            Element oficio = child(root, "Oficio");
            oficio.setAttribute("number", envelope.number());
            oficio.setAttribute("kind", envelope.kind());
            oficio.setAttribute("confidential", String.valueOf(envelope.confidential()));
            oficio.setTextContent(envelope.subject());
            for (Envelope.Part part : envelope.parts()) {
                Element file = child(root, "Part");
                file.setAttribute("name", part.name());
                file.setAttribute("mediaType", part.mediaType());
                file.setAttribute("sha256", part.sha256());
            }
            return serialise(doc);
        } catch (Exception e) {
            throw new IllegalStateException("the envelope could not be written", e);
        }
    }

    /** @throws MalformedEnvelope when it is not an envelope this installation can read */
    public static Envelope read(byte[] xml) {
        try {
            Element root = root(xml, "Envelope");
            Element from = only(root, "From");
            Element to = only(root, "To");
            Element oficio = only(root, "Oficio");
            List<Envelope.Part> parts = new ArrayList<>();
            for (Element part : children(root, "Part")) {
                parts.add(new Envelope.Part(required(part, "name"), required(part, "mediaType"),
                        required(part, "sha256")));
            }
            return new Envelope(UUID.fromString(only(root, "Id").getTextContent().strip()),
                    Instant.parse(only(root, "SentAt").getTextContent().strip()), required(from, "node"),
                    required(from, "unit"), from.getTextContent(), required(to, "node"), required(to, "unit"),
                    required(oficio, "number"), required(oficio, "kind"), oficio.getTextContent(),
                    Boolean.parseBoolean(oficio.getAttribute("confidential")), parts);
        } catch (MalformedEnvelope e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedEnvelope("unreadable envelope: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder();
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one " + name + ", found " + found.size());
        }
        return found.getFirst();
    }

    private static String required(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value.isBlank()) {
            throw new IllegalArgumentException(element.getLocalName() + " lacks " + attribute);
        }
        return value;
    }
}
