package org.rubrica.drafting;

/** The draft changed since it was loaded: the save is refused rather than silently overwriting. */
public class StaleDraftException extends RuntimeException {

    public StaleDraftException() {
        super("the draft was changed by someone else");
    }
}
