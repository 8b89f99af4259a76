package org.rubrica.directory;

/** A role a person holds in a unit. */
public record Membership(long unitId, Role role) {
}
