package org.rubrica.drafting;

import java.time.Instant;
import java.util.List;

/** What the review services return: plain records for views and the API. */
public final class ReviewModels {

    private ReviewModels() {
    }

    /**
     * An owner's save: the new version; whether the stored text now holds others' work the form does not show
     * (merged from a newer text); how many of the owner's edits clashed with that text and wait as changes.
     */
    public record SaveOutcome(int version, int conflicts, boolean merged) {
    }

    /** A reviewer's save: the base it now stands on, their pending changes, and how many clash with newer text. */
    public record SuggestOutcome(int baseVersion, int pendingChanges, int conflicts) {
    }

    /**
     * What a person edits: the owner the base; an invited editor the base with their own pending changes, as of
     * {@code loadedAt} (the {@code since} of their saves from that form).
     */
    public record WorkingDraft(DraftContent content, int baseVersion, Role role, Instant loadedAt) {
    }

    /** How the current person takes part in a draft. */
    public enum Role { OWNER, EDITOR, READER, OTHER }

    public record ChangeView(long id, long authorId, String authorName, int colour, ChangeTarget target,
                             String fieldName, String removed, String added, ChangeStatus status, boolean conflict,
                             String originNote, Instant at, String decidedByName, Instant decidedAt) {
    }

    public record AuthorCount(long authorId, String authorName, int colour, int pending) {
    }

    /** The base with every pending change in place, the list of changes (pending first) and counts per author. */
    public record ChangeOverview(String redlineHtml, List<ChangeView> changes, List<AuthorCount> authors,
                                 int baseVersion) {

        public List<ChangeView> pending() {
            return changes.stream().filter(c -> c.status() == ChangeStatus.PENDING).toList();
        }
    }

    public record RevisionSummary(int no, String kind, long authorId, String authorName, Instant at, String note,
                                  int baseVersion) {
    }

    /** Two revisions compared: the body as a redline, and the subject and fields that differ. */
    public record RevisionComparison(int from, int to, String redlineHtml, List<ValueDifference> values) {
    }

    public record ValueDifference(ChangeTarget target, String fieldName, String before, String after) {
    }
}
