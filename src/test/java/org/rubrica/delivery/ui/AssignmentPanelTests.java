package org.rubrica.delivery.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.delivery.Assignment;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.springframework.beans.factory.annotation.Autowired;

/** On a received oficio's page the receiving office turns it; the person it was turned to marks it attended. */
class AssignmentPanelTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired DeliveryService delivery;
    @Autowired org.rubrica.SignedOficios signedOficios;


    @Test
    @SuppressWarnings("unchecked")
    void the_office_turns_it_from_the_page_and_the_manager_marks_it_attended() {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC"), "Turno en pantalla",
                "<p>Texto.</p>", Map.of()));
        signedOficios.signAndSend(id);
        acting.as(acting.person("Verónica Pérez Solís").username());
        context.getBean(org.rubrica.delivery.ReceiptService.class).register(id, acting.unitId("SEC"));
        Person manager = acting.person("Emilio Castro Valdés");

        loginAs(acting.person("Verónica Pérez Solís").username());
        UI.getCurrent().navigate("oficios/" + id);
        MultiSelectComboBox<Person> people = _get(MultiSelectComboBox.class, spec -> spec.withId("assignment-people"));
        assertThat(people.getListDataView().getItems().map(Person::fullName))
                .contains(manager.fullName()).doesNotContain("Ing. Miguel López Serrano"); // SEC and below only
        people.setValue(Set.of(manager));
        _setValue(_get(TextArea.class, spec -> spec.withId("assignment-instructions")), "Revise la agenda.");
        _setValue(_get(DatePicker.class, spec -> spec.withId("assignment-due")), LocalDate.now().plusDays(3));
        _click(_get(Button.class, spec -> spec.withId("assignment-assign")));
        assertThat(delivery.assignments(id)).singleElement().satisfies(a -> {
            assertThat(a.assigneeId()).isEqualTo(manager.id());
            assertThat(a.instructions()).isEqualTo("Revise la agenda.");
            assertThat(a.dueAt()).isNotNull();
        });

        loginAs(manager.username());
        UI.getCurrent().navigate("oficios/" + id);
        _assertNone(Button.class, spec -> spec.withId("assignment-assign")); // he does not turn it on
        _click(_get(Button.class, spec -> spec.withId("assignment-attended")));
        assertThat(delivery.assignments(id)).extracting(Assignment::open).containsExactly(false);

        loginAs(Acting.DRAFTER); // the sender sees no assignment panel
        UI.getCurrent().navigate("oficios/" + id);
        _assertNone(AssignmentPanel.class);
    }
}
