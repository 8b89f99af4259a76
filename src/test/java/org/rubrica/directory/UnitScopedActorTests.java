package org.rubrica.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Someone acting through a unit-scoped authentication (an integration token) holds only the roles they have in
 * that unit: every service check sees the narrowed person.
 */
@RubricaTest
class UnitScopedActorTests {

    @Autowired CurrentActor currentActor;
    @Autowired Acting acting;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private static final class Scoped extends AbstractAuthenticationToken implements UnitScopedAuthentication {
        private final String username;
        private final long unitId;

        Scoped(String username, long unitId) {
            super(List.of());
            this.username = username;
            this.unitId = unitId;
            setAuthenticated(true);
        }

        @Override
        public long unitId() {
            return unitId;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return username;
        }
    }

    @Test
    void a_scoped_person_keeps_their_roles_in_that_unit_and_none_elsewhere() {
        long own = acting.unitId("SOP/DOP");
        acting.authenticate(new Scoped(Acting.DRAFTER, own));
        Actor inOwnUnit = currentActor.require();
        assertThat(inOwnUnit.unitId()).isEqualTo(own);
        assertThat(inOwnUnit.hasRole(Role.DRAFTER)).isTrue();

        long other = acting.unitId("SEC/DGE");
        acting.authenticate(new Scoped(Acting.DRAFTER, other));
        Actor elsewhere = currentActor.require();
        assertThat(elsewhere.unitId()).isEqualTo(other);
        assertThat(elsewhere.memberships()).isEmpty();
        assertThatThrownBy(() -> currentActor.requireRole(Role.DRAFTER)).isInstanceOf(AccessDeniedException.class);
    }
}
