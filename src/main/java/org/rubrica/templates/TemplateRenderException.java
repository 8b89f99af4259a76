package org.rubrica.templates;

/**
 * A template could not be rendered: a syntax error, a missing variable, a forbidden built-in, an
 * {@code #include} outside its own version, or a layout the PDF engine refused. Carries the position in the
 * template source when FreeMarker reports one, so a template administrator can find the mistake.
 */
public class TemplateRenderException extends RuntimeException {

    private final String templateName;
    private final Integer line;
    private final Integer column;

    public TemplateRenderException(String message, String templateName, Integer line, Integer column,
                                   Throwable cause) {
        super(message, cause);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    public TemplateRenderException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    /** The template the error is in, such as {@code v12/template.ftlx}; {@code null} when unknown. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line in the template source; {@code null} when unknown. */
    public Integer line() {
        return line;
    }

    /** 1-based column in the template source; {@code null} when unknown. */
    public Integer column() {
        return column;
    }
}
