package org.rubrica.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RubricaTest
class DirectoryAdministrationTests {

    @Autowired Acting acting;
    @Autowired DirectoryAdministration administration;
    @Autowired Directory directory;
    @Autowired LoginService logins;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    @Test
    void the_demo_municipality_has_every_role_and_enough_people() {
        assertThat(directory.units().stream().filter(u -> u.parentId() == null)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(directory.units()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(directory.people()).hasSizeGreaterThanOrEqualTo(40);
        for (Role role : Role.values()) {
            assertThat(directory.people().stream().flatMap(p -> directory.memberships(p.id()).stream())
                    .anyMatch(m -> m.role() == role)).as(role.name()).isTrue();
        }
    }

    @Test
    void an_administrator_creates_a_unit_and_a_person_who_can_then_log_in() {
        acting.as(Acting.ADMIN);
        long parent = acting.unitId("SDS");
        long unit = administration.saveUnit(new UnitForm(null, parent, "sds/dvi", "Dirección de Vivienda",
                UnitKind.DIRECTORATE, null, true));
        assertThat(directory.unit(unit).code()).isEqualTo("SDS/DVI");
        long person = administration.savePerson(new PersonForm(null, "rnuevo", "Ramón Nuevo Ortiz", "Director de Vivienda",
                "rnuevo@sanandres.gob.example", unit, true, "una-clave-larga",
                Set.of(new Membership(unit, Role.SIGNER))));
        assertThat(directory.memberships(person)).containsExactly(new Membership(unit, Role.SIGNER));
        assertThat(logins.login("rnuevo", "una-clave-larga").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_SIGNER");
    }

    @Test
    void bad_input_is_refused_at_the_field_it_concerns() {
        acting.as(Acting.ADMIN);
        long unit = acting.unitId("SDS");
        assertThatThrownBy(() -> administration.saveUnit(new UnitForm(null, null, "SOP", "Otra", UnitKind.AGENCY, null, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("directory.unit.code.taken"));
        assertThatThrownBy(() -> administration.saveUnit(new UnitForm(null, null, "con espacios", "X", UnitKind.AGENCY, null, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> administration.saveUnit(new UnitForm(unit, acting.unitId("SDS/DPS"), "SDS",
                "Secretaría de Desarrollo Social", UnitKind.AGENCY, null, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("directory.unit.parent.cycle"));
        assertThatThrownBy(() -> administration.savePerson(new PersonForm(null, "xx", "X", "Y", "x@y.z", unit, true,
                "una-clave-larga", Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> administration.savePerson(new PersonForm(null, "nuevo2", "X", "Y", "no-es-correo", unit,
                true, "una-clave-larga", Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> administration.savePerson(new PersonForm(null, "nuevo3", "X", "Y", "n3@y.z", unit,
                true, "corta", Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    void an_administrator_whose_role_is_withdrawn_is_refused_at_once() {
        acting.as(Acting.ADMIN);
        long person = administration.savePerson(new PersonForm(null, "tadmin", "Tomás Temporal Díaz", "Administrador",
                "tadmin@sanandres.gob.example", acting.unitId("SAD/DTI"), true, "una-clave-larga",
                Set.of(new Membership(acting.unitId("SAD/DTI"), Role.ORG_ADMIN))));
        acting.as("tadmin"); // logged in while still an administrator
        var self = directory.person(person);
        administration.savePerson(new PersonForm(person, self.username(), self.fullName(), self.cargo(), self.email(),
                self.unitId(), true, null, Set.of()));
        assertThatThrownBy(() -> administration.saveUnit(new UnitForm(null, null, "ZZY", "Z", UnitKind.AGENCY, null, true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_organisation_administrators_administer() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> administration.saveUnit(new UnitForm(null, null, "ZZZ", "Z", UnitKind.AGENCY, null, true)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
