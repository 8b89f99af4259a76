package org.rubrica.drafting.internal.docx;

import java.time.Instant;
import java.util.List;

import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.Hunk;

/**
 * Everything a Word copy of a draft shows: the single format's page and letterhead texts, the oficio's heading,
 * its body with pending changes as tracked changes, and its open comments.
 */
public record DocxDraft(int baseVersion, Page page, Heading heading, String subject, List<ValueChange> subjectChanges,
                        List<Field> fields, List<BodyToken> body, List<Tracked> changes, List<Note> comments,
                        String closing, String authorName, String authorCargo) {

    public record Page(double widthMm, double heightMm, int marginTopMm, int marginRightMm, int marginBottomMm,
                       int marginLeftMm, String fontFamily, double fontSizePt, String primaryColor, String headerText,
                       String footerText) {
    }

    public record Heading(String institution, String agency, String unit, String reference, String placeAndDate,
                          String recipientName, String recipientCargo, String recipientUnit) {
    }

    public record Field(String label, String value) {
    }

    /** A pending change to the subject: the text it would have. */
    public record ValueChange(String oldValue, String newValue, String author, Instant at) {
    }

    public record Tracked(Hunk hunk, String author, Instant at) {
    }

    /** A comment thread on tokens [start, end) of the body; one on the whole draft sits where the body starts. */
    public record Note(int start, int end, String author, Instant at, List<String> paragraphs) {
    }
}
