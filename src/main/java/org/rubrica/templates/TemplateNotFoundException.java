package org.rubrica.templates;

import org.rubrica.shared.NotFoundException;

/** No such template, or no published version of it; answers like any other missing record (404 in the API). */
public class TemplateNotFoundException extends NotFoundException {

    public TemplateNotFoundException(String what) {
        super(what);
    }
}
