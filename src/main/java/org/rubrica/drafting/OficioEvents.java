package org.rubrica.drafting;

import java.time.Instant;
import java.util.UUID;

/** What happened to an oficio in drafting; listeners (the trail, later search) react to these. */
public final class OficioEvents {

    private OficioEvents() {
    }

    /** A signed (or sent) oficio was annulled: it stays on record, void, with the reason. */
    public record Annulled(UUID oficioId, long actorId, long senderUnitId, long recipientUnitId, String reason,
                           Instant at) {
    }

    /** An approved oficio got its official number (at signing). */
    public record Numbered(UUID oficioId, String number, long senderUnitId, Instant at) {
    }

    public record ConfidentialityChanged(UUID oficioId, long actorId, boolean confidential, Instant at) {
    }

    public record AnnexAdded(UUID oficioId, long actorId, String fileName, String sha256, Instant at) {
    }

    public record AnnexRemoved(UUID oficioId, long actorId, String fileName, Instant at) {
    }

    public record PriorityChanged(UUID oficioId, long actorId, Priority priority, Instant at) {
    }

    public record DraftCreated(UUID oficioId, long actorId, String templateCode, int templateVersionNo,
                               String kind, long senderUnitId, Instant at) {
    }

    public record DraftSaved(UUID oficioId, long actorId, int version, Instant at) {
    }

    /** The draft's recipients besides its addressee changed: how many are addressed and how many copied. */
    public record RecipientsChanged(UUID oficioId, long actorId, int addressed, int copied, Instant at) {
    }

    /** A reply to {@code originalId} was started: a draft citing it, in its conversation. */
    public record ReplyStarted(UUID oficioId, UUID originalId, String originalNumber, long actorId, Instant at) {
    }

    /** Sent to its addressee and {@code others} more recipients; {@code inReplyTo} when it answers an oficio. */
    public record OficioSent(UUID oficioId, long actorId, long senderUnitId, long recipientUnitId, int others,
                             UUID inReplyTo, String number, Instant at) {
    }

    /** An invited editor saved suggestions: how many are now pending from them, and how many clash with newer text. */
    public record SuggestionsSaved(UUID oficioId, long actorId, int pending, int conflicts, Instant at) {
    }

    public record ChangeDecided(UUID oficioId, long actorId, long changeId, long changeAuthorId, String summary,
                                boolean accepted, Instant at) {
    }

    public record CommentAdded(UUID oficioId, long actorId, long commentId, String quote, Instant at) {
    }

    public record CommentResolved(UUID oficioId, long actorId, long commentId, Instant at) {
    }

    /** Someone named a person in a comment: the person should hear about it. */
    public record PersonMentioned(UUID oficioId, long personId, long byId, long commentId, String subject, Instant at) {
    }

    public record CollaboratorInvited(UUID oficioId, long actorId, long personId, DraftAccess access, String subject,
                                      Instant at) {
    }

    public record CollaboratorRemoved(UUID oficioId, long actorId, long personId, Instant at) {
    }

    public record DocxImported(UUID oficioId, long actorId, String fileName, int changes, Instant at) {
    }
}
