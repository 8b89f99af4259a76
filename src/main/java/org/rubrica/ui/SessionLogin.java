package org.rubrica.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Binds an authenticated person to the browser session, as Spring's form login would. */
@Component
class SessionLogin {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder;

    SessionLogin(ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    void establish(Authentication authentication) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            HttpServletRequest http = request.getHttpServletRequest();
            changeSessionId(http);
            repository.saveContext(context, http, VaadinServletResponse.getCurrent().getHttpServletResponse());
        }
    }

    /** A new session id after login defeats session fixation; Vaadin's session object survives the change. */
    private static void changeSessionId(HttpServletRequest http) {
        try {
            http.changeSessionId();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // test doubles of the servlet API may not support it; a real container always does
        }
    }
}
