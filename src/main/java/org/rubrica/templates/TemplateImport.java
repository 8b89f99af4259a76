package org.rubrica.templates;

/**
 * What an import did: the template it went into, the draft version it created (an administrator reviews and
 * publishes it), whether the template is new here, and whether the package was designed on another base format.
 */
public record TemplateImport(String code, boolean newTemplate, int draftVersionNo, boolean otherBaseFormat) {
}
