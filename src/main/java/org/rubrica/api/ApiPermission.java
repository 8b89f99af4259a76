package org.rubrica.api;

/**
 * What an integration token may do over the API, on top of what its person may do in its unit. Reading is asked
 * for apart from each kind of change, so a system that only tracks oficios cannot change any.
 */
public enum ApiPermission {
    /** Read anything the person may see: oficios, their PDFs, trails, inboxes, search, templates. */
    READ,
    /** Create and edit drafts: content, recipients, annexes, review, the route and submitting it. */
    DRAFT,
    /** Decide on a route step (approve or return). */
    APPROVE,
    /** Sign (with a PIN or an uploaded credential), batch signing, annulment. */
    SIGN,
    /** Send a signed oficio. */
    SEND,
    /** Receive: register, assign, forward, archive, tag, reply. */
    RECEIVE,
    /** Manage the webhooks that tell the system of events. */
    WEBHOOKS
}
