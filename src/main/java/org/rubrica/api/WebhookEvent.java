package org.rubrica.api;

/** What a webhook can be told of, for oficios its integration's unit sent or received. */
public enum WebhookEvent {
    /** The last signature was added: the oficio is official (the sender's). */
    SIGNED("oficio.signed"),
    /** It was sent (the sender's). */
    SENT("oficio.sent"),
    /** It reached a recipient unit's inbox (that unit's). */
    DELIVERED("oficio.delivered"),
    /** A recipient unit registered it, with its entry number (the recipient's and the sender's). */
    RECEIVED("oficio.received"),
    /** A recipient unit answered it with a reply (the recipient's and the sender's). */
    ANSWERED("oficio.answered");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** How the event is named in the payload and the X-Rubrica-Event header. */
    public String wireName() {
        return wireName;
    }
}
