package org.rubrica.templates;

/** The paper sizes the single format can be laid out on, with their CSS dimensions. */
public enum PageSize {
    LETTER("215.9mm 279.4mm"),
    A4("210mm 297mm"),
    /** Legal, also called oficio: 8.5 × 14 in. */
    LEGAL("215.9mm 355.6mm");

    private final String css;

    PageSize(String css) {
        this.css = css;
    }

    public String css() {
        return css;
    }

    public double widthMm() {
        return Double.parseDouble(css.split(" ")[0].replace("mm", ""));
    }

    public double heightMm() {
        return Double.parseDouble(css.split(" ")[1].replace("mm", ""));
    }
}
