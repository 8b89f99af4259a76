package org.rubrica.templates;

import java.util.List;

/** One immutable version of a template: what a draft pins. */
public record TemplateVersion(long id, String templateCode, String kind, int versionNo, List<FieldDefinition> fields,
                              String defaultBodyHtml) {
}
