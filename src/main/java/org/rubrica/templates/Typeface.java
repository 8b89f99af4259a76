package org.rubrica.templates;

/** The embedded font families documents are set in. */
public enum Typeface {
    SANS("Liberation Sans"),
    SERIF("Liberation Serif");

    private final String family;

    Typeface(String family) {
        this.family = family;
    }

    public String family() {
        return family;
    }
}
