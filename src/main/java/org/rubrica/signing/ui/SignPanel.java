package org.rubrica.signing.ui;

import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.rubrica.shared.ui.Notices;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.OwnCredential;

/**
 * On an approved oficio's page, for the person whose signature it waits for: the PIN (or their own .p12 or
 * e.firma file with its password) and "Firmar". Signing numbers it, signs it with their certificate and checks the
 * signature; the page then shows the signed PDF.
 */
public class SignPanel extends Div {

    public SignPanel(OficioSigning signing, UUID oficioId, Runnable onSigned) {
        setId("sign-panel");
        addClassName("sign-panel");
        setVisible(signing.canSign(oficioId));
        if (!isVisible()) {
            return;
        }
        var credential = new CredentialChoice("sign");
        var sign = new Button(getTranslation("signature.sign"));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.setId("sign");
        sign.setDisableOnClick(true); // one click, one signature
        sign.addClickListener(e -> Notices.attempt(this, () -> {
            OficioSigning.Signed signed = sign(signing, oficioId, credential);
            credential.forget();
            Notices.success(getTranslation("signature.signed", signed.number()));
        }, onSigned, () -> {
            credential.clearSecrets();
            sign.setEnabled(true);
        }));
        var row = new HorizontalLayout(credential, sign);
        row.setAlignItems(FlexComponent.Alignment.END);
        add(new H3(getTranslation("signature.sign")), new Paragraph(getTranslation("signature.sign.help")), row);
    }

    /** With the PIN, or with the signer's own file; either secret is wiped once tried. */
    private static OficioSigning.Signed sign(OficioSigning signing, UUID oficioId, CredentialChoice credential) {
        if (!credential.usesFile()) {
            char[] pin = credential.pin();
            try {
                return signing.sign(oficioId, pin);
            } finally {
                java.util.Arrays.fill(pin, '\0');
            }
        }
        OwnCredential own = credential.credential();
        try {
            return signing.sign(oficioId, own);
        } finally {
            own.wipe();
        }
    }
}
