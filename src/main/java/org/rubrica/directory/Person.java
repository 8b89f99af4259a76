package org.rubrica.directory;

/** A person of the institution, as other modules and views see them (never with credentials). */
public record Person(long id, String username, String fullName, String cargo, String email, long unitId,
                     boolean active, boolean locked) {
}
