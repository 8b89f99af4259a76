package org.rubrica.directory;

/** A node of the organisation tree. */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, Long headPersonId,
                   boolean active) {

    public String label() {
        return code + " · " + name;
    }
}
