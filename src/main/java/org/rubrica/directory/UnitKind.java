package org.rubrica.directory;

/**
 * Levels of the organisation tree; an agency (dependencia/secretaría) is a top-level unit. EXTERNAL units stand for
 * another installation and its units (the exchange module makes them): addressed like any unit, never an agency of
 * this institution.
 */
public enum UnitKind { AGENCY, DIRECTORATE, DEPARTMENT, OFFICE, EXTERNAL }
