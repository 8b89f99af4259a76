package org.rubrica.directory;

/** What an administrator enters for a unit; {@code id} is {@code null} for a new one. */
public record UnitForm(Long id, Long parentId, String code, String name, UnitKind kind, Long headPersonId,
                       boolean active) {

    public static UnitForm of(Unit unit) {
        return new UnitForm(unit.id(), unit.parentId(), unit.code(), unit.name(), unit.kind(), unit.headPersonId(),
                unit.active());
    }
}
