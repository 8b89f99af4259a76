package org.rubrica.templates;

/** A template as its administrator edits it: its pending draft if there is one, else its newest version. */
public record EditableTemplate(String code, String kind, String nameEs, String nameEn, long versionId, int versionNo,
                               boolean draft, TemplateDraft content) {
}
