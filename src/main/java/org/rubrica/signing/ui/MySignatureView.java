package org.rubrica.signing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Role;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Confirmations;
import org.rubrica.shared.ui.Notices;
import org.rubrica.signing.SignerCredentials;
import org.rubrica.signing.SignerCredentials.CredentialInfo;

/**
 * A signer's own signature: ask for the certificate the institution's CA issues, choosing the PIN that seals its
 * key; see it, change the PIN, or revoke it (a lost PIN, a key thought exposed). The PIN never leaves the form.
 */
@Route("mi-firma")
@Menu(order = 6.2, title = "menu.my-signature", icon = "vaadin:key")
@RolesAllowed(Role.Names.SIGNER)
class MySignatureView extends VerticalLayout implements HasDynamicTitle {

    private final SignerCredentials credentials;
    private final long me;
    private final Div content = new Div();

    MySignatureView(SignerCredentials credentials, CurrentActor currentActor) {
        this.credentials = credentials;
        this.me = currentActor.require().personId();
        add(new H2(getTranslation("menu.my-signature")), content);
        show();
    }

    private void show() {
        content.removeAll();
        credentials.mine().ifPresentOrElse(this::showCredential, this::showRequest);
        var ca = new Anchor("/pki/ca.cer", getTranslation("signature.ca-download"));
        ca.setRouterIgnore(true);
        content.add(new Paragraph(ca));
    }

    private void showRequest() {
        var pin = pinField("signature.pin", "signature-pin");
        var again = pinField("signature.pin-again", "signature-pin-again");
        var request = new Button(getTranslation("signature.request"), e -> attempt(() -> {
            requireSame(pin, again);
            credentials.issueMine(pin.getValue().toCharArray());
            Notices.success(getTranslation("signature.issued"));
        }, pin, again));
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        request.setId("signature-request");
        content.add(new Paragraph(getTranslation("signature.request.help", SignerCredentials.PIN_MIN)),
                row(pin, again, request));
    }

    private void showCredential(CredentialInfo info) {
        var facts = new Div(new Paragraph(info.subject()),
                new Paragraph(getTranslation("signature.serial", info.serial())),
                new Paragraph(getTranslation("signature.valid", Formats.dateTime(info.issuedAt(), getLocale()),
                        Formats.dateTime(info.expiresAt(), getLocale()))));
        facts.setId("signature-facts");
        if (info.locked()) {
            facts.add(new Paragraph(getTranslation("signing.pin.locked")));
        }
        var current = pinField("signature.pin-current", "signature-pin-current");
        var fresh = pinField("signature.pin-new", "signature-pin-new");
        var again = pinField("signature.pin-again", "signature-pin-again");
        var change = new Button(getTranslation("signature.change-pin"), e -> attempt(() -> {
            requireSame(fresh, again);
            credentials.changePin(current.getValue().toCharArray(), fresh.getValue().toCharArray());
            Notices.success(getTranslation("signature.pin-changed"));
        }, current, fresh, again));
        change.setId("signature-change-pin");
        var revoke = new Button(getTranslation("signature.revoke"), e -> Confirmations.confirmDangerous(this,
                getTranslation("signature.revoke"), getTranslation("signature.revoke.confirm"),
                getTranslation("signature.revoke"), () -> attempt(() -> {
                    credentials.revoke(me);
                    Notices.success(getTranslation("signature.revoked"));
                })));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setId("signature-revoke");
        content.add(new H3(getTranslation("signature.current")), facts,
                new H3(getTranslation("signature.change-pin")), row(current, fresh, again, change), revoke);
    }

    /** Runs the action and shows the page afresh; refused input keeps nothing typed (PINs are not kept). */
    private void attempt(Runnable action, PasswordField... clear) {
        try {
            action.run();
            show();
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            for (PasswordField field : clear) {
                field.clear();
            }
        }
    }

    private static void requireSame(PasswordField pin, PasswordField again) {
        if (!pin.getValue().equals(again.getValue())) {
            throw new InvalidInputException("signature.pins-differ", "pin");
        }
    }

    private PasswordField pinField(String labelKey, String id) {
        var field = new PasswordField(getTranslation(labelKey));
        field.setMaxLength(SignerCredentials.PIN_MAX);
        field.setId(id);
        field.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        return field;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        var row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-signature") + " · " + getTranslation("app.name");
    }
}
