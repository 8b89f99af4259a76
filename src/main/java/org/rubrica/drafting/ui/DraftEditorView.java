package org.rubrica.drafting.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.ReviewService;
import org.rubrica.templates.TemplateCatalog;

/** A drafter writes a new oficio, or edits their own draft. */
@Route("oficios/nuevo")
@RouteAlias("oficios/:id/editar")
@Menu(order = 2, title = "menu.new-oficio", icon = "vaadin:edit")
@RolesAllowed(Role.Names.DRAFTER)
class DraftEditorView extends DraftEditor {

    DraftEditorView(OficioService oficios, ReviewService review, TemplateCatalog templates, Directory directory,
                    CurrentActor currentActor) {
        super(oficios, review, templates, directory, currentActor);
    }
}
