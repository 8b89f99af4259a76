package org.rubrica.shared;

/**
 * Checks that the current person holds a role now (read fresh, not from the login session). Lets modules
 * below the directory, such as templates, guard their services without depending on it.
 */
public interface RoleGuard {

    /** @throws org.springframework.security.access.AccessDeniedException when the role is not held */
    void requireRole(String role);
}
