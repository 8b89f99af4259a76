package org.rubrica.drafting;

/** What an invitation to a draft allows: suggesting changes and commenting, or reading and commenting. */
public enum DraftAccess { EDITOR, READER }
