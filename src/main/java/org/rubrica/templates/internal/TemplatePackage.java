package org.rubrica.templates.internal;

import java.time.Instant;
import java.util.List;

import org.rubrica.templates.FieldDefinition;

/**
 * The single file a template travels in between installations: identity, the version's layout, field
 * schema and default body, and the base format it was designed on (for reference: an installation keeps
 * its own letterhead).
 */
public record TemplatePackage(String format, int formatVersion, String code, String kind, String nameEs,
                              String nameEn, int versionNo, String source, List<FieldDefinition> fields,
                              String defaultBodyHtml, String baseFormatSource, Instant exportedAt) {

    public static final String FORMAT = "rubrica-template";
    public static final int FORMAT_VERSION = 1;
}
