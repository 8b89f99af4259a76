package org.rubrica.templates.internal;

import java.time.Instant;
import java.util.List;

import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.FieldDefinition;

/**
 * The single file a template travels in between installations: identity, the version's layout, field
 * schema and default body, the images it prints, and the base format it was designed on with its settings
 * (for reference: an installation keeps its own single format).
 */
public record TemplatePackage(String format, int formatVersion, String code, String kind, String nameEs,
                              String nameEn, int versionNo, String source, List<FieldDefinition> fields,
                              String defaultBodyHtml, String baseFormatSource, BaseFormatSettings baseFormatSettings,
                              List<PackagedAsset> assets, Instant exportedAt) {

    public static final String FORMAT = "rubrica-template";
    /** 2 adds the images and the base format's settings; files of version 1 still import. */
    public static final int FORMAT_VERSION = 2;

    /** An image the template prints, as uploaded here (SVG already sanitised); checked again on import. */
    public record PackagedAsset(String name, String mediaType, byte[] content) {
    }
}
