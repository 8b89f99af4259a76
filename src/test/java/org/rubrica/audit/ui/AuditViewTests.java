package org.rubrica.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;

/** The auditor checks the chain from the page; nobody else gets the page. */
class AuditViewTests extends KaribuTest {

    @Test
    void the_auditor_checks_the_chain_and_others_do_not_get_the_page() {
        loginAs(Acting.AUDITOR);
        UI.getCurrent().navigate("auditoria");
        _click(_get(Button.class, spec -> spec.withId("check-chain")));
        assertThat(_get(Div.class, spec -> spec.withId("chain-result")).getText()).startsWith("Cadena íntegra:");

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("auditoria");
        assertThat(_find(AuditView.class)).isEmpty();
    }
}
