package org.rubrica.directory;

import java.util.Set;

/**
 * What an administrator enters for a person; {@code id} is {@code null} for a new one. {@code password}
 * is required for a new person and, when given for an existing one, replaces theirs.
 */
public record PersonForm(Long id, String username, String fullName, String cargo, String email, Long unitId,
                         boolean active, String password, Set<Membership> memberships) {
}
