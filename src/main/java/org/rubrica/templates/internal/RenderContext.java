package org.rubrica.templates.internal;

import java.util.List;

import org.rubrica.templates.BaseFormatSettings;

/** What a version renders with besides its sources: its schema's field names and its base format's settings. */
public record RenderContext(List<String> fieldNames, BaseFormatSettings format) {
}
