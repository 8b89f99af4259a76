package org.rubrica.drafting;

/** Where a tracked change stands. SUPERSEDED: its author replaced it with a newer suggestion before anyone decided. */
public enum ChangeStatus { PENDING, ACCEPTED, REJECTED, SUPERSEDED }
