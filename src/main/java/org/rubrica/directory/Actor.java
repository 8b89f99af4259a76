package org.rubrica.directory;

import java.util.Set;

/** The person acting right now, with the roles they hold and where. */
public record Actor(long personId, String username, String fullName, String cargo, long unitId,
                    Set<Membership> memberships) {

    /**
     * The same person acting for one unit only: the roles they hold there and nowhere else (how an integration
     * token scoped to a unit acts). Someone who no longer belongs to the unit keeps no role at all.
     */
    public Actor within(long unit) {
        return new Actor(personId, username, fullName, cargo, unit, memberships.stream()
                .filter(m -> m.unitId() == unit).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    public boolean hasRole(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    public boolean hasRoleIn(long unitId, Role role) {
        return memberships.stream().anyMatch(m -> m.unitId() == unitId && m.role() == role);
    }
}
