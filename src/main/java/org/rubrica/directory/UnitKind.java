package org.rubrica.directory;

/** Levels of the organisation tree; an agency (dependencia/secretaría) is a top-level unit. */
public enum UnitKind { AGENCY, DIRECTORATE, DEPARTMENT, OFFICE }
