package org.rubrica.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

import org.rubrica.shared.NotFoundException;

/** A record that does not exist or that the person may not see (services answer both alike). */
@AnonymousAllowed
class RecordNotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("error.record-not-found.title", "error.record-not-found.message");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
