package org.rubrica.api;

import java.util.Locale;

/** What a webhook can be told of, for oficios its integration's unit sent or received. */
public enum WebhookEvent {
    /** The last signature was added: the oficio is official (the sender's). */
    SIGNED,
    /** It was sent (the sender's). */
    SENT,
    /** It reached a recipient unit's inbox (that unit's). */
    DELIVERED,
    /** A recipient unit registered it, with its entry number (the recipient's and the sender's). */
    RECEIVED,
    /** A recipient unit answered it with a reply (the recipient's and the sender's). */
    ANSWERED;

    /** How the event is named in the payload and the X-Rubrica-Event header: {@code oficio.signed} and so on. */
    public String wireName() {
        return "oficio." + name().toLowerCase(Locale.ROOT);
    }
}
