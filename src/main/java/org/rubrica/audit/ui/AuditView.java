package org.rubrica.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.audit.Trail;
import org.rubrica.directory.Role;
import org.rubrica.shared.ui.Formats;

/**
 * For auditors: recomputes the audit log's hash chain and says whether it is whole or, if someone altered it in
 * the database, which entry is the first that no longer matches.
 */
@Route("auditoria")
@Menu(order = 12, title = "menu.audit", icon = "vaadin:shield")
@RolesAllowed(Role.Names.AUDITOR)
class AuditView extends VerticalLayout implements HasDynamicTitle {

    AuditView(Trail trail) {
        var result = new Div();
        result.setId("chain-result");
        var check = new Button(getTranslation("audit.check"), e -> {
            Trail.ChainCheck outcome = trail.checkChain();
            result.removeAll();
            if (outcome.intact()) {
                result.setText(getTranslation("audit.intact", outcome.entries()));
                result.getElement().getThemeList().set("badge success", true);
            } else {
                var entry = outcome.firstTampered();
                result.setText(getTranslation("audit.tampered", entry.id(), entry.type(),
                        Formats.dateTime(entry.at(), getLocale()), entry.actorName() == null ? "—" : entry.actorName(),
                        outcome.entries()));
                result.getElement().getThemeList().set("badge error", true);
            }
            result.getStyle().set("white-space", "normal").set("padding", "0.7em 1em");
        });
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.setId("check-chain");
        add(new H2(getTranslation("menu.audit")), new Paragraph(getTranslation("audit.help")), check, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit") + " · " + getTranslation("app.name");
    }
}
