package org.rubrica.signing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.signing.SignerCredentials;
import org.springframework.beans.factory.annotation.Autowired;

/** A signer asks for their certificate with a PIN typed twice, changes the PIN and revokes it, from one page. */
class MySignatureViewTests extends KaribuTest {

    @Autowired SignerCredentials credentials;
    @Autowired Directory directory;

    private void type(String id, String value) {
        _setValue(_get(PasswordField.class, spec -> spec.withId(id)), value);
    }

    @Test
    void a_signer_requests_a_certificate_changes_its_pin_and_revokes_it() {
        Person signer = directory.people().stream().filter(p -> p.fullName().equals("Lic. Fernando Ibáñez Cordero"))
                .findFirst().orElseThrow();
        loginAs(signer.username());
        UI.getCurrent().navigate("mi-firma");
        type("signature-pin", "274918");
        type("signature-pin-again", "274919");
        _click(_get(Button.class, spec -> spec.withId("signature-request")));
        assertThat(credentials.mine()).isEmpty(); // the two PINs differ: nothing issued
        type("signature-pin", "274918");
        type("signature-pin-again", "274918");
        _click(_get(Button.class, spec -> spec.withId("signature-request")));
        assertThat(credentials.mine()).isPresent();
        assertThat(_get(Div.class, spec -> spec.withId("signature-facts")).getChildren()
                .map(c -> c.getElement().getText()).reduce("", String::concat))
                .contains("CN=" + signer.fullName(), credentials.mine().orElseThrow().serial());

        type("signature-pin-current", "274918");
        type("signature-pin-new", "630582");
        type("signature-pin-again", "630582");
        _click(_get(Button.class, spec -> spec.withId("signature-change-pin")));
        assertThat(credentials.unlockMine("630582".toCharArray()).certificate()).isNotNull();

        _click(_get(Button.class, spec -> spec.withId("signature-revoke")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, false));
        assertThat(credentials.mine()).isEmpty();
        _get(Button.class, spec -> spec.withId("signature-request")); // asking for a new one is offered again

        loginAs(Acting.DRAFTER); // not a signer: the page is not theirs
        UI.getCurrent().navigate("mi-firma");
        _assertNone(MySignatureView.class);
    }
}
