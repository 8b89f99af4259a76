package org.rubrica.shared;

/**
 * Seals a PDF the system issues by itself (an acknowledgement of receipt) with the institution's electronic seal;
 * the signing module provides it, for modules it depends on (delivery) and so cannot depend on.
 */
public interface DocumentSeal {

    byte[] seal(byte[] pdf, String reason);
}
