package org.rubrica.drafting;

/** What the current person may do with one oficio right now. */
public record OficioAffordances(boolean canEdit, boolean canSend, boolean isRecipient, boolean canMoveTemplate,
                                boolean canSuggest, boolean canComment, boolean canAnnul) {
}
