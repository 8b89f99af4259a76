package org.rubrica.drafting.internal.docx;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.relationships.RelationshipsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Numbering;
import org.docx4j.wml.Style;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.Links;
import org.rubrica.drafting.internal.text.TokenBuilder;
import org.rubrica.shared.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a Word document back into two versions of the body: as it was before its tracked changes (original and
 * deleted text) and after them (original and inserted text), each token knowing which tracked change, if any,
 * it came from. Only the part inside the body bookmark is read when the document has it (a copy Rubrica
 * exported); otherwise the whole document is the body.
 */
public final class DocxReader {

    /** A tracked change's author and time as Word recorded them. */
    public record Revision(String author, Instant at) {
    }

    /**
     * @param baseVersion the draft version the copy was exported at, when the document says so
     */
    public record ReadDocument(List<BodyToken> before, List<Object> beforeOrigins, List<BodyToken> after,
                               List<Object> afterOrigins, String subjectBefore, String subjectAfter,
                               Revision subjectRevision, Integer baseVersion) {
    }

    private enum Mode { BOTH, INSERTED, DELETED }

    private final TokenBuilder before = new TokenBuilder();
    private final TokenBuilder after = new TokenBuilder();
    private final Map<String, String> styleNames = new HashMap<>();
    private final Map<String, String> listKinds = new HashMap<>();    // numId → ul | ol
    private final Map<String, String> listAbstracts = new HashMap<>(); // numId → its abstract numbering
    private final java.util.Set<String> restarting = new java.util.HashSet<>(); // numIds that start counting anew
    private RelationshipsPart relationships;
    private boolean bodyBookmarked;
    private boolean inBody;
    private String bodyBookmarkId;
    private String subjectBookmarkId;
    private StringBuilder subjectBefore;
    private StringBuilder subjectAfter;
    private Revision subjectRevision;
    private Integer baseVersion;
    private Revision pendingMark;        // the previous paragraph's tracked mark decides the next block
    private boolean pendingMarkInserted;
    private String lastListNumId;

    private DocxReader() {
    }

    /** @throws InvalidInputException when the file is not a safe, readable Word document */
    public static ReadDocument read(String fileName, byte[] bytes) {
        DocxSafety.check(fileName, bytes);
        WordprocessingMLPackage pkg;
        try {
            pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
        return new DocxReader().readPackage(pkg);
    }

    private ReadDocument readPackage(WordprocessingMLPackage pkg) {
        MainDocumentPart main = pkg.getMainDocumentPart();
        if (main == null) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
        relationships = main.getRelationshipsPart();
        if (main.getStyleDefinitionsPart() != null) {
            try {
                for (Style style : main.getStyleDefinitionsPart().getContents().getStyle()) {
                    if (style.getStyleId() != null && style.getName() != null) {
                        styleNames.put(style.getStyleId(), style.getName().getVal().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (Exception e) {
                throw new InvalidInputException("docx.not-docx", "file");
            }
        }
        readNumbering(main);
        Element body;
        try {
            org.w3c.dom.Document dom = XmlUtils.marshaltoW3CDomDocument(main.getJaxbElement());
            body = first(dom.getDocumentElement(), "body");
        } catch (RuntimeException e) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
        if (body == null) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
        bodyBookmarked = hasBookmark(body, DocxWriter.BODY_BOOKMARK);
        inBody = !bodyBookmarked;
        blockContainer(body);
        before.endBlock();
        after.endBlock();
        return new ReadDocument(before.tokens(), before.origins(), after.tokens(), after.origins(),
                subjectBefore == null ? null : subjectBefore.toString().strip(),
                subjectAfter == null ? null : subjectAfter.toString().strip(), subjectRevision, baseVersion);
    }

    private void readNumbering(MainDocumentPart main) {
        if (main.getNumberingDefinitionsPart() == null) {
            return;
        }
        try {
            Numbering numbering = main.getNumberingDefinitionsPart().getContents();
            Map<String, String> abstractKinds = new HashMap<>();
            for (Numbering.AbstractNum a : numbering.getAbstractNum()) {
                String kind = "ol";
                if (!a.getLvl().isEmpty() && a.getLvl().getFirst().getNumFmt() != null
                        && a.getLvl().getFirst().getNumFmt().getVal() != null
                        && a.getLvl().getFirst().getNumFmt().getVal().value().equals("bullet")) {
                    kind = "ul";
                }
                abstractKinds.put(a.getAbstractNumId().toString(), kind);
            }
            for (Numbering.Num num : numbering.getNum()) {
                if (num.getAbstractNumId() != null) {
                    String id = num.getNumId().toString();
                    String abstractId = num.getAbstractNumId().getVal().toString();
                    listKinds.put(id, abstractKinds.getOrDefault(abstractId, "ol"));
                    listAbstracts.put(id, abstractId);
                    if (num.getLvlOverride().stream().anyMatch(o -> o.getStartOverride() != null)) {
                        restarting.add(id);
                    }
                }
            }
        } catch (Exception e) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
    }

    /** The body or a content control's content: paragraphs, tables and bookmarks in order. */
    private void blockContainer(Element container) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !DocxWriter.W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "p" -> paragraph(e, null, 0);
                case "tbl" -> table(e);
                case "sdt" -> {
                    Element content = first(e, "sdtContent");
                    if (content != null) {
                        blockContainer(content);
                    }
                }
                case "customXml" -> blockContainer(e);
                case "bookmarkStart", "bookmarkEnd" -> bookmark(e);
                default -> {
                }
            }
        }
    }

    private void table(Element table) {
        boolean firstCell = true;
        for (Element row : children(table, "tr")) {
            Element trPr = first(row, "trPr");
            String kind = trPr != null && on(first(trPr, "tblHeader")) ? "th" : "td";
            boolean firstInRow = true;
            for (Element cell : children(row, "tc")) {
                int flags = (firstCell ? BodyToken.NEW_CONTAINER : 0) | (firstInRow ? BodyToken.NEW_ROW : 0);
                boolean opened = false;
                for (Node n = cell.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element p && "p".equals(p.getLocalName())) {
                        if (!opened) {
                            paragraph(p, kind, flags);
                            opened = true;
                        } else {
                            paragraph(p, "cell", 0); // more paragraphs in a cell are lines of it
                        }
                    }
                }
                if (inBody) {
                    before.endBlock();
                    after.endBlock();
                }
                firstCell = false;
                firstInRow = false;
            }
        }
        lastListNumId = null;
    }

    /**
     * @param cellKind {@code td}/{@code th} for a cell's first paragraph, {@code cell} for its further ones,
     *                 {@code null} outside tables
     */
    private void paragraph(Element p, String cellKind, int cellFlags) {
        Element pPr = first(p, "pPr");
        boolean wasInBody = inBody;
        boolean startsBody = bodyBookmarked && !inBody && hasBookmark(p, DocxWriter.BODY_BOOKMARK);
        if (startsBody) {
            inBody = true;
        }
        if (hasBookmark(p, DocxWriter.SUBJECT_BOOKMARK)) {
            subject(p);
            return;
        }
        if (inBody) {
            if ("cell".equals(cellKind)) {
                if (before.blockHasContent()) {
                    before.lineBreak();
                }
                if (after.blockHasContent()) {
                    after.lineBreak();
                }
            } else {
                String kind;
                int flags;
                if (cellKind != null) {
                    kind = cellKind;
                    flags = cellFlags;
                } else {
                    String numId = numId(pPr);
                    kind = numId != null && listKinds.containsKey(numId) ? listKinds.get(numId) : blockKind(pPr);
                    flags = numId != null && startsList(numId) ? BodyToken.NEW_CONTAINER : 0;
                    lastListNumId = numId;
                }
                startBlock(kind, flags);
            }
            pendingMark = null;
            Element markRPr = pPr == null ? null : first(pPr, "rPr");
            if (markRPr != null) {
                Element ins = first(markRPr, "ins");
                Element del = first(markRPr, "del");
                if (ins != null || del != null) {
                    pendingMark = revision(ins != null ? ins : del);
                    pendingMarkInserted = ins != null;
                }
            }
        }
        inline(p, Mode.BOTH, null, null);
        if (inBody && cellKind == null) {
            before.endBlock();
            after.endBlock();
        }
        if (!wasInBody && !inBody) {
            pendingMark = null;
        }
    }

    /** A paragraph: whether the previous paragraph's mark was tracked decides in which version it starts a block. */
    private void startBlock(String kind, int flags) {
        if (pendingMark != null && !pendingMarkInserted) {
            // the mark before was deleted: after the change this paragraph joins the previous one
            before.origin(pendingMark);
            before.startBlock(kind, flags);
            before.origin(null);
        } else if (pendingMark != null) {
            after.origin(pendingMark);
            after.startBlock(kind, flags);
            after.origin(null);
        } else {
            before.startBlock(kind, flags);
            after.startBlock(kind, flags);
        }
    }

    private void inline(Element parent, Mode mode, Revision revision, String href) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !DocxWriter.W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "r" -> run(e, mode, revision, href);
                case "ins", "moveTo" -> inline(e, Mode.INSERTED, revision(e), href);
                case "del", "moveFrom" -> inline(e, Mode.DELETED, revision(e), href);
                case "hyperlink" -> inline(e, mode, revision, link(e));
                case "smartTag", "customXml", "fldSimple", "dir", "bdo" -> inline(e, mode, revision, href);
                case "sdt" -> {
                    Element content = first(e, "sdtContent");
                    if (content != null) {
                        inline(content, mode, revision, href);
                    }
                }
                case "bookmarkStart", "bookmarkEnd" -> bookmark(e);
                default -> {
                }
            }
        }
    }

    private void run(Element r, Mode mode, Revision revision, String href) {
        if (!inBody) {
            return;
        }
        Element rPr = first(r, "rPr");
        if (rPr != null && on(first(rPr, "vanish"))) {
            return;
        }
        int style = (rPr != null && on(first(rPr, "b")) ? BodyToken.BOLD : 0)
                | (rPr != null && on(first(rPr, "i")) ? BodyToken.ITALIC : 0)
                | (rPr != null && underlined(first(rPr, "u")) ? BodyToken.UNDERLINE : 0);
        for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !DocxWriter.W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "t", "delText" -> emit(mode, revision, b -> b.text(e.getTextContent(), style, href));
                case "tab" -> emit(mode, revision, b -> b.text(" ", style, href));
                case "noBreakHyphen" -> emit(mode, revision, b -> b.text("-", style, href));
                case "br", "cr" -> emit(mode, revision, TokenBuilder::lineBreak);
                default -> {
                }
            }
        }
    }

    private void emit(Mode mode, Revision revision, java.util.function.Consumer<TokenBuilder> what) {
        if (mode != Mode.INSERTED) {
            before.origin(mode == Mode.DELETED ? revision : null);
            what.accept(before);
            before.origin(null);
        }
        if (mode != Mode.DELETED) {
            after.origin(mode == Mode.INSERTED ? revision : null);
            what.accept(after);
            after.origin(null);
        }
    }

    /** The subject line: what lies between the subject bookmark's start and end, before and after its changes. */
    private void subject(Element p) {
        subjectBefore = new StringBuilder();
        subjectAfter = new StringBuilder();
        subjectText(p, Mode.BOTH, null, new boolean[] {false});
    }

    private void subjectText(Element parent, Mode mode, Revision revision, boolean[] inside) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            switch (e.getLocalName()) {
                case "bookmarkStart" -> {
                    if (DocxWriter.SUBJECT_BOOKMARK.equals(e.getAttributeNS(DocxWriter.W, "name"))) {
                        inside[0] = true;
                        subjectBookmarkId = e.getAttributeNS(DocxWriter.W, "id");
                    }
                }
                case "bookmarkEnd" -> {
                    if (e.getAttributeNS(DocxWriter.W, "id").equals(subjectBookmarkId)) {
                        inside[0] = false;
                    }
                }
                case "ins", "moveTo" -> subjectText(e, Mode.INSERTED, revision(e), inside);
                case "del", "moveFrom" -> subjectText(e, Mode.DELETED, revision(e), inside);
                case "t", "delText" -> {
                    if (inside[0]) {
                        if (mode != Mode.INSERTED) {
                            subjectBefore.append(e.getTextContent());
                        }
                        if (mode != Mode.DELETED) {
                            subjectAfter.append(e.getTextContent());
                        }
                        if (revision != null && subjectRevision == null) {
                            subjectRevision = revision;
                        }
                    }
                }
                default -> subjectText(e, mode, revision, inside);
            }
        }
    }

    private void bookmark(Element e) {
        String name = e.getAttributeNS(DocxWriter.W, "name");
        if (e.getLocalName().equals("bookmarkStart")) {
            if (DocxWriter.BODY_BOOKMARK.equals(name)) {
                inBody = true;
                bodyBookmarkId = e.getAttributeNS(DocxWriter.W, "id");
            } else if (name.startsWith(DocxWriter.BASE_BOOKMARK_PREFIX)) {
                try {
                    baseVersion = Integer.parseInt(name.substring(DocxWriter.BASE_BOOKMARK_PREFIX.length()));
                } catch (NumberFormatException ignored) {
                    // someone renamed it; the copy is then read against today's text
                }
            }
        } else if (bodyBookmarkId != null && bodyBookmarkId.equals(e.getAttributeNS(DocxWriter.W, "id"))) {
            inBody = false;
            bodyBookmarkId = null;
        }
    }

    /**
     * Whether a list item starts a new list: after something that is not a list, with other numbering, or
     * where the numbering restarts (Word and LibreOffice both give a restarted list a numbering of its own).
     */
    private boolean startsList(String numId) {
        if (lastListNumId == null) {
            return true;
        }
        if (numId.equals(lastListNumId)) {
            return false;
        }
        return !java.util.Objects.equals(listAbstracts.get(numId), listAbstracts.get(lastListNumId))
                || restarting.contains(numId);
    }

    private String blockKind(Element pPr) {
        Element pStyle = pPr == null ? null : first(pPr, "pStyle");
        String name = pStyle == null ? "" : styleNames.getOrDefault(pStyle.getAttributeNS(DocxWriter.W, "val"),
                pStyle.getAttributeNS(DocxWriter.W, "val").toLowerCase(Locale.ROOT));
        name = name.replace(" ", "");
        return switch (name) {
            case "heading1", "title" -> "h1";
            case "heading2", "subtitle" -> "h2";
            case "heading3" -> "h3";
            case "heading4", "heading5", "heading6" -> "h4";
            default -> "p";
        };
    }

    private static String numId(Element pPr) {
        Element numPr = pPr == null ? null : first(pPr, "numPr");
        Element numId = numPr == null ? null : first(numPr, "numId");
        if (numId == null) {
            return null;
        }
        String id = numId.getAttributeNS(DocxWriter.W, "val");
        return id.isEmpty() || id.equals("0") ? null : id;
    }

    private String link(Element hyperlink) {
        String id = hyperlink.getAttributeNS(DocxWriter.R, "id");
        if (id.isEmpty() || relationships == null) {
            return null;
        }
        Relationship rel = relationships.getRelationshipByID(id);
        if (rel == null || rel.getTarget() == null) {
            return null;
        }
        return Links.safe(rel.getTarget());
    }

    private static Revision revision(Element e) {
        String author = e.getAttributeNS(DocxWriter.W, "author");
        Instant at = null;
        String date = e.getAttributeNS(DocxWriter.W, "date");
        if (!date.isEmpty()) {
            try {
                at = Instant.parse(date.endsWith("Z") || date.contains("+") ? date : date + "Z");
            } catch (DateTimeParseException ignored) {
                // Word and LibreOffice write ISO dates; anything else just has no time
            }
        }
        return new Revision(author.isBlank() ? null : author.strip(), at);
    }

    private static boolean on(Element toggle) {
        if (toggle == null) {
            return false;
        }
        String val = toggle.getAttributeNS(DocxWriter.W, "val");
        return val.isEmpty() || !(val.equals("0") || val.equals("false") || val.equals("off"));
    }

    private static boolean underlined(Element u) {
        return u != null && !u.getAttributeNS(DocxWriter.W, "val").equals("none");
    }

    private static boolean hasBookmark(Element e, String name) {
        var starts = e.getElementsByTagNameNS(DocxWriter.W, "bookmarkStart");
        for (int i = 0; i < starts.getLength(); i++) {
            if (name.equals(((Element) starts.item(i)).getAttributeNS(DocxWriter.W, "name"))) {
                return true;
            }
        }
        return false;
    }

    private static Element first(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> list = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }
}
