package org.rubrica.directory;

import java.util.Set;

/** The person acting right now, with the roles they hold and where. */
public record Actor(long personId, String username, String fullName, String cargo, long unitId,
                    Set<Membership> memberships) {

    public boolean hasRole(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    public boolean hasRoleIn(long unitId, Role role) {
        return memberships.stream().anyMatch(m -> m.unitId() == unitId && m.role() == role);
    }
}
