package org.rubrica.drafting.ui;

import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.ReviewService;
import org.rubrica.templates.TemplateCatalog;

/**
 * The draft editor at an address anyone signed in may open, for colleagues invited as editors whatever their
 * role; the editor itself (and the services behind it) decide whether they may suggest on this draft.
 */
@Route("oficios/:id/sugerir")
@PermitAll
class SuggestionEditorView extends DraftEditor {

    SuggestionEditorView(OficioService oficios, ReviewService review, TemplateCatalog templates, Directory directory,
                         CurrentActor currentActor) {
        super(oficios, review, templates, directory, currentActor);
    }
}
