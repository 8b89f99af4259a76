package org.rubrica.drafting.internal.docx;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.CommentsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.relationships.ObjectFactory;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Comments;
import org.docx4j.wml.Document;
import org.docx4j.wml.Numbering;
import org.docx4j.wml.Styles;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.XmlText;

/**
 * Writes a draft as a Word document: pending changes become real tracked changes ({@code w:ins}/{@code w:del}
 * with author and date), open comment threads become Word comments, and the body sits inside the bookmark
 * {@value #BODY_BOOKMARK} (the subject inside {@value #SUBJECT_BOOKMARK}) so an edited copy can be read back.
 */
public final class DocxWriter {

    public static final String BODY_BOOKMARK = "rubrica_cuerpo";
    public static final String SUBJECT_BOOKMARK = "rubrica_asunto";
    /** Followed by the draft version the copy was made at, so edits made in Word are read against that text. */
    public static final String BASE_BOOKMARK_PREFIX = "rubrica_version_";
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    private final DocxDraft draft;
    private final StringBuilder xml = new StringBuilder(64 * 1024);
    private final Map<String, String> links = new LinkedHashMap<>(); // url → relationship id
    private final List<String> numbering = new ArrayList<>();        // abstract num id per w:num, in order
    private int revision = 100; // bookmarks and comments use the low ids

    // the run being gathered and the change it belongs to
    private StringBuilder runText;
    private int runStyle;
    private String runHref;
    private String openRevisionTag;
    private DocxDraft.Tracked openChange;

    // body state
    private StringBuilder paragraph;
    private String paragraphKind;
    private int paragraphNumId;
    private boolean inTable;
    private boolean inRow;
    private boolean inCell;
    private boolean tableHeaderRow;
    private int listNumId;
    private String listKind;

    private DocxWriter(DocxDraft draft) {
        this.draft = draft;
    }

    public static byte[] write(DocxDraft draft) {
        return new DocxWriter(draft).build();
    }

    private byte[] build() {
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
            MainDocumentPart main = pkg.getMainDocumentPart();
            String documentXml = document();
            for (Map.Entry<String, String> link : links.entrySet()) {
                Relationship rel = new ObjectFactory().createRelationship();
                rel.setId(link.getValue());
                rel.setType(HYPERLINK);
                rel.setTarget(link.getKey());
                rel.setTargetMode("External");
                main.getRelationshipsPart().addRelationship(rel);
            }
            main.setJaxbElement((Document) XmlUtils.unmarshalString(documentXml));
            main.getStyleDefinitionsPart().setJaxbElement((Styles) XmlUtils.unmarshalString(styles()));
            NumberingDefinitionsPart numberingPart = new NumberingDefinitionsPart();
            numberingPart.setJaxbElement((Numbering) XmlUtils.unmarshalString(numbering()));
            main.addTargetPart(numberingPart);
            if (!draft.comments().isEmpty()) {
                CommentsPart comments = new CommentsPart();
                comments.setJaxbElement((Comments) XmlUtils.unmarshalString(comments()));
                main.addTargetPart(comments);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the Word document", e);
        }
    }

    private String document() {
        DocxDraft.Page page = draft.page();
        DocxDraft.Heading h = draft.heading();
        xml.append("<w:document xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R).append("\"><w:body>");
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/></w:pPr><w:bookmarkStart w:id=\"3\" w:name=\"")
                .append(BASE_BOOKMARK_PREFIX).append(draft.baseVersion()).append("\"/><w:r>");
        text(h.institution());
        xml.append("</w:r><w:bookmarkEnd w:id=\"3\"/></w:p>");
        simple(h.agency(), "Letterhead2");
        simple(h.unit(), "Letterhead2");
        if (!page.headerText().isBlank()) {
            simple(page.headerText(), "Legend");
        }
        simple(h.reference(), "Reference");
        simple(h.placeAndDate(), "Reference");
        if (h.recipientName() != null) {
            simple(h.recipientName(), "Addressee");
            simple(h.recipientCargo(), null);
        }
        simple(h.recipientUnit(), null);
        simple("P r e s e n t e", "Addressee");
        subject();
        for (DocxDraft.Field f : draft.fields()) {
            xml.append("<w:p><w:r><w:rPr><w:b/></w:rPr>");
            text(f.label() + ": ");
            xml.append("</w:r><w:r>");
            text(f.value());
            xml.append("</w:r></w:p>");
        }
        body();
        simple(draft.closing(), "Closing");
        simple(draft.authorName(), "Signer");
        simple(draft.authorCargo(), null);
        if (!page.footerText().isBlank()) {
            simple(page.footerText(), "Footer");
        }
        xml.append("<w:sectPr><w:pgSz w:w=\"").append(twips(page.widthMm())).append("\" w:h=\"")
                .append(twips(page.heightMm())).append("\"/><w:pgMar w:top=\"").append(twips(page.marginTopMm()))
                .append("\" w:right=\"").append(twips(page.marginRightMm())).append("\" w:bottom=\"")
                .append(twips(page.marginBottomMm())).append("\" w:left=\"").append(twips(page.marginLeftMm()))
                .append("\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        return xml.toString();
    }

    private void subject() {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"Subject\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>");
        text("Asunto: ");
        xml.append("</w:r><w:bookmarkStart w:id=\"1\" w:name=\"").append(SUBJECT_BOOKMARK).append("\"/>");
        List<DocxDraft.ValueChange> changes = draft.subjectChanges();
        if (changes.isEmpty()) {
            xml.append("<w:r>");
            text(draft.subject());
            xml.append("</w:r>");
        } else {
            // Word shows one rewrite of a line at a time: the oldest pending one, the others stay in Rubrica
            DocxDraft.ValueChange c = changes.getFirst();
            revisionOpen("w:del", c.author(), c.at());
            xml.append("<w:r><w:delText xml:space=\"preserve\">").append(escape(c.oldValue())).append("</w:delText></w:r></w:del>");
            revisionOpen("w:ins", c.author(), c.at());
            xml.append("<w:r>");
            text(c.newValue());
            xml.append("</w:r></w:ins>");
        }
        xml.append("<w:bookmarkEnd w:id=\"1\"/></w:p>");
    }

    /** Walks the base: insertions where they start, deleted tokens inside their change, comments around their range. */
    private void body() {
        List<BodyToken> body = draft.body();
        List<DocxDraft.Tracked> changes = new ArrayList<>(draft.changes());
        // Word's order: the deleted words, then the inserted ones
        changes.sort(Comparator.comparingInt((DocxDraft.Tracked c) -> insertAt(c)).thenComparing(c -> c.hunk().isInsertion()));
        DocxDraft.Tracked[] deleter = new DocxDraft.Tracked[body.size()];
        for (DocxDraft.Tracked c : draft.changes()) { // callers pass changes that do not overlap; else the first wins
            for (int i = c.hunk().start(); i < c.hunk().end(); i++) {
                deleter[i] = deleter[i] == null ? c : deleter[i];
            }
        }
        int next = 0;
        xml.append("<w:bookmarkStart w:id=\"2\" w:name=\"").append(BODY_BOOKMARK).append("\"/>");
        for (int p = 0; p <= body.size(); p++) {
            commentEnds(p);
            while (next < changes.size() && insertAt(changes.get(next)) == p) {
                DocxDraft.Tracked c = changes.get(next++);
                for (BodyToken t : c.hunk().inserted()) {
                    token(t, "w:ins", c);
                }
            }
            if (p < body.size()) {
                DocxDraft.Tracked deleting = deleter[p];
                BodyToken t = body.get(p);
                if (t.kind() == BodyToken.Kind.BLOCK) {
                    token(t, deleting == null ? null : "w:del", deleting);
                    commentStarts(p);
                } else {
                    commentStarts(p);
                    token(t, deleting == null ? null : "w:del", deleting);
                }
            }
        }
        closeParagraph(null, null);
        closeTable();
        if (xml.lastIndexOf("<w:p>") < xml.lastIndexOf(BODY_BOOKMARK)) {
            xml.append("<w:p/>"); // an empty body still has its place
        }
        xml.insert(xml.lastIndexOf("</w:p>") < 0 ? xml.length() : lastBodyParagraphEnd(), "<w:bookmarkEnd w:id=\"2\"/>");
    }

    private static int insertAt(DocxDraft.Tracked c) {
        return c.hunk().isInsertion() ? c.hunk().start() : c.hunk().end();
    }

    private int lastBodyParagraphEnd() {
        int end = xml.lastIndexOf("</w:p>");
        int empty = xml.lastIndexOf("<w:p/>");
        return empty > end ? empty : end;
    }

    private void token(BodyToken t, String revisionTag, DocxDraft.Tracked change) {
        switch (t.kind()) {
            case BLOCK -> startBlock(t, revisionTag, change);
            case BREAK -> run(revisionTag, change, 0, null, null);
            case WORD -> run(revisionTag, change, t.flags(), t.href(), t.text());
        }
    }

    private void startBlock(BodyToken t, String revisionTag, DocxDraft.Tracked change) {
        closeParagraph(revisionTag, change); // a tracked block start is the previous paragraph's tracked mark
        String kind = t.text();
        boolean fresh = (t.flags() & BodyToken.NEW_CONTAINER) != 0;
        if (kind.equals("td") || kind.equals("th")) {
            if (!inTable || fresh) {
                closeTable();
                xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr>");
                inTable = true;
            }
            if (!inRow || (t.flags() & BodyToken.NEW_ROW) != 0) {
                if (inRow) {
                    xml.append("</w:tr>");
                }
                tableHeaderRow = kind.equals("th");
                xml.append(tableHeaderRow ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
                inRow = true;
            }
            xml.append("<w:tc>");
            inCell = true;
            openParagraph(kind, 0);
            return;
        }
        closeTable();
        if (kind.equals("ul") || kind.equals("ol")) {
            if (fresh || !kind.equals(listKind)) {
                numbering.add(kind.equals("ul") ? "0" : "1");
                listNumId = numbering.size();
                listKind = kind;
            }
            openParagraph(kind, listNumId);
        } else {
            listKind = null;
            openParagraph(kind, 0);
        }
    }

    private void openParagraph(String kind, int numId) {
        paragraph = new StringBuilder();
        paragraphKind = kind;
        paragraphNumId = numId;
    }

    /** Writes the open paragraph now that its mark's revision (if any) is known. */
    private void closeParagraph(String markRevision, DocxDraft.Tracked change) {
        if (paragraph == null) {
            return;
        }
        closeRevision();
        xml.append("<w:p><w:pPr>");
        String style = switch (paragraphKind) {
            case "h1" -> "Heading1";
            case "h2" -> "Heading2";
            case "h3" -> "Heading3";
            case "h4" -> "Heading4";
            case "ul", "ol" -> "ListParagraph";
            default -> null;
        };
        if (style != null) {
            xml.append("<w:pStyle w:val=\"").append(style).append("\"/>");
        }
        if (paragraphNumId > 0) {
            xml.append("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"").append(paragraphNumId).append("\"/></w:numPr>");
        }
        if (markRevision != null) {
            xml.append("<w:rPr>");
            revisionMark(markRevision, change);
            xml.append("</w:rPr>");
        }
        xml.append("</w:pPr>").append(paragraph).append("</w:p>");
        paragraph = null;
        if (inCell) {
            xml.append("</w:tc>");
            inCell = false;
        }
    }

    private void closeTable() {
        if (!inTable) {
            return;
        }
        if (inRow) {
            xml.append("</w:tr>");
        }
        xml.append("</w:tbl>");
        inTable = false;
        inRow = false;
    }

    /**
     * Adds text (or a line break, {@code text == null}) to the paragraph. Consecutive tokens with the same
     * formatting share one run, and consecutive runs of one change share one {@code w:ins}/{@code w:del}.
     */
    private void run(String revisionTag, DocxDraft.Tracked change, int style, String href, String text) {
        if (paragraph == null) {
            openParagraph("p", 0);
        }
        boolean sameRevision = java.util.Objects.equals(revisionTag, openRevisionTag) && change == openChange;
        if (!sameRevision || style != runStyle || !java.util.Objects.equals(href, runHref)) {
            flushRun();
        }
        if (!sameRevision) {
            closeRevision();
            if (revisionTag != null) {
                paragraph.append('<').append(revisionTag).append(" w:id=\"").append(revision++).append("\" w:author=\"")
                        .append(escape(change.author())).append("\" w:date=\"").append(date(change.at())).append("\">");
            }
            openRevisionTag = revisionTag;
            openChange = change;
        }
        runStyle = style;
        runHref = href;
        if (runText == null) {
            runText = new StringBuilder();
        }
        runText.append(text == null ? "\u0000" : text); // NUL marks a line break: it cannot occur in XML text
    }

    private void flushRun() {
        if (runText == null) {
            return;
        }
        StringBuilder out = paragraph;
        boolean link = runHref != null && !runHref.isBlank();
        if (link) {
            String id = links.computeIfAbsent(runHref, h -> "rId" + (900 + links.size()));
            out.append("<w:hyperlink r:id=\"").append(id).append("\">");
        }
        out.append("<w:r>");
        if (runStyle != 0 || link) {
            out.append("<w:rPr>");
            if (link) {
                out.append("<w:rStyle w:val=\"Hyperlink\"/>");
            }
            if ((runStyle & BodyToken.BOLD) != 0) {
                out.append("<w:b/>");
            }
            if ((runStyle & BodyToken.ITALIC) != 0) {
                out.append("<w:i/>");
            }
            if ((runStyle & BodyToken.UNDERLINE) != 0) {
                out.append("<w:u w:val=\"single\"/>");
            }
            out.append("</w:rPr>");
        }
        String tag = "w:del".equals(openRevisionTag) ? "w:delText" : "w:t";
        String[] pieces = runText.toString().split("\u0000", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                out.append("<w:br/>");
            }
            if (!pieces[i].isEmpty()) {
                out.append('<').append(tag).append(" xml:space=\"preserve\">").append(escape(pieces[i])).append("</")
                        .append(tag).append('>');
            }
        }
        out.append("</w:r>");
        if (link) {
            out.append("</w:hyperlink>");
        }
        runText = null;
    }

    private void closeRevision() {
        flushRun();
        if (openRevisionTag != null) {
            paragraph.append("</").append(openRevisionTag).append('>');
        }
        openRevisionTag = null;
        openChange = null;
    }

    private void commentStarts(int position) {
        for (int i = 0; i < draft.comments().size(); i++) {
            DocxDraft.Note n = draft.comments().get(i);
            if (n.start() == position) {
                closeRevision();
                ensureParagraph().append("<w:commentRangeStart w:id=\"").append(i).append("\"/>");
                if (n.end() == position) {
                    commentEnd(i);
                }
            }
        }
    }

    private void commentEnds(int position) {
        for (int i = 0; i < draft.comments().size(); i++) {
            DocxDraft.Note n = draft.comments().get(i);
            if (n.end() == position && n.start() < position) {
                commentEnd(i);
            }
        }
    }

    private void commentEnd(int id) {
        closeRevision();
        ensureParagraph().append("<w:commentRangeEnd w:id=\"").append(id).append("\"/><w:r><w:commentReference w:id=\"")
                .append(id).append("\"/></w:r>");
    }

    private StringBuilder ensureParagraph() {
        if (paragraph == null) {
            openParagraph("p", 0);
        }
        return paragraph;
    }

    private String comments() {
        StringBuilder c = new StringBuilder("<w:comments xmlns:w=\"" + W + "\">");
        for (int i = 0; i < draft.comments().size(); i++) {
            DocxDraft.Note n = draft.comments().get(i);
            c.append("<w:comment w:id=\"").append(i).append("\" w:author=\"").append(escape(n.author()))
                    .append("\" w:date=\"").append(date(n.at())).append("\" w:initials=\"").append(escape(initials(n.author())))
                    .append("\">");
            for (String text : n.paragraphs()) {
                c.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(text)).append("</w:t></w:r></w:p>");
            }
            c.append("</w:comment>");
        }
        return c.append("</w:comments>").toString();
    }

    private String numbering() {
        StringBuilder n = new StringBuilder("<w:numbering xmlns:w=\"" + W + "\">");
        n.append("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">")
                .append("<w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>")
                .append("<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>");
        n.append("<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">")
                .append("<w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>")
                .append("<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>");
        for (int i = 0; i < numbering.size(); i++) {
            n.append("<w:num w:numId=\"").append(i + 1).append("\"><w:abstractNumId w:val=\"").append(numbering.get(i))
                    .append("\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>");
        }
        return n.append("</w:numbering>").toString();
    }

    private String styles() {
        DocxDraft.Page page = draft.page();
        String colour = page.primaryColor().replace("#", "");
        int size = (int) Math.round(page.fontSizePt() * 2);
        String font = escape(page.fontFamily());
        StringBuilder s = new StringBuilder("<w:styles xmlns:w=\"" + W + "\">");
        s.append("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"").append(font).append("\" w:hAnsi=\"").append(font)
                .append("\" w:cs=\"").append(font).append("\" w:eastAsia=\"").append(font).append("\"/><w:sz w:val=\"").append(size)
                .append("\"/><w:szCs w:val=\"").append(size).append("\"/><w:lang w:val=\"es-MX\"/></w:rPr></w:rPrDefault>")
                .append("<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>");
        s.append("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
        for (int level = 1; level <= 4; level++) {
            s.append("<w:style w:type=\"paragraph\" w:styleId=\"Heading").append(level).append("\"><w:name w:val=\"heading ")
                    .append(level).append("\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>")
                    .append("<w:spacing w:before=\"240\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"").append(level - 1)
                    .append("\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"").append(colour).append("\"/><w:sz w:val=\"")
                    .append(size + (5 - level) * 4).append("\"/></w:rPr></w:style>");
        }
        paragraphStyle(s, "ListParagraph", "List Paragraph", "<w:ind w:left=\"720\"/>", "");
        paragraphStyle(s, "Letterhead", "Rubrica Membrete", "<w:jc w:val=\"left\"/><w:spacing w:after=\"0\"/>",
                "<w:b/><w:color w:val=\"" + colour + "\"/><w:sz w:val=\"" + (size + 6) + "\"/>");
        paragraphStyle(s, "Letterhead2", "Rubrica Membrete 2", "<w:jc w:val=\"left\"/><w:spacing w:after=\"0\"/>",
                "<w:color w:val=\"" + colour + "\"/>");
        paragraphStyle(s, "Legend", "Rubrica Leyenda", "<w:jc w:val=\"center\"/>", "<w:i/>");
        paragraphStyle(s, "Reference", "Rubrica Referencia", "<w:jc w:val=\"right\"/><w:spacing w:after=\"0\"/>", "");
        paragraphStyle(s, "Addressee", "Rubrica Destinatario", "<w:jc w:val=\"left\"/><w:spacing w:before=\"240\" w:after=\"0\"/>", "<w:b/>");
        paragraphStyle(s, "Subject", "Rubrica Asunto", "<w:jc w:val=\"right\"/><w:spacing w:before=\"240\" w:after=\"240\"/>", "");
        paragraphStyle(s, "Closing", "Rubrica Despedida", "<w:jc w:val=\"center\"/><w:spacing w:before=\"360\" w:after=\"720\"/>", "");
        paragraphStyle(s, "Signer", "Rubrica Firmante", "<w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/>", "<w:b/>");
        paragraphStyle(s, "Footer", "Rubrica Pie", "<w:jc w:val=\"center\"/><w:spacing w:before=\"480\"/>",
                "<w:sz w:val=\"" + (size - 4) + "\"/><w:color w:val=\"666666\"/>");
        s.append("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0563C1\"/>")
                .append("<w:u w:val=\"single\"/></w:rPr></w:style>");
        s.append("<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            s.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>");
        }
        s.append("</w:tblBorders></w:tblPr></w:style>");
        return s.append("</w:styles>").toString();
    }

    private static void paragraphStyle(StringBuilder s, String id, String name, String pPr, String rPr) {
        s.append("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"").append(id).append("\"><w:name w:val=\"")
                .append(name).append("\"/><w:basedOn w:val=\"Normal\"/><w:pPr>").append(pPr).append("</w:pPr><w:rPr>")
                .append(rPr).append("</w:rPr></w:style>");
    }

    private void simple(String text, String style) {
        if (text == null || text.isBlank()) {
            return;
        }
        xml.append("<w:p>");
        if (style != null) {
            xml.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        }
        xml.append("<w:r>");
        text(text);
        xml.append("</w:r></w:p>");
    }

    private void text(String text) {
        xml.append("<w:t xml:space=\"preserve\">").append(escape(text)).append("</w:t>");
    }

    private void revisionOpen(String tag, String author, Instant at) {
        xml.append('<').append(tag).append(" w:id=\"").append(revision++).append("\" w:author=\"").append(escape(author))
                .append("\" w:date=\"").append(date(at)).append("\">");
    }

    private void revisionMark(String tag, DocxDraft.Tracked change) {
        xml.append('<').append(tag).append(" w:id=\"").append(revision++).append("\" w:author=\"")
                .append(escape(change.author())).append("\" w:date=\"").append(date(change.at())).append("\"/>");
    }

    private static String date(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static long twips(double mm) {
        return Math.round(mm * 1440 / 25.4);
    }

    private static String initials(String name) {
        StringBuilder i = new StringBuilder();
        for (String part : name.split("\\s+")) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0)) && !part.endsWith(".")) {
                i.append(part.charAt(0));
            }
        }
        return i.length() > 4 ? i.substring(0, 4) : i.toString();
    }

    static String escape(String text) {
        return XmlText.escape(text);
    }
}
