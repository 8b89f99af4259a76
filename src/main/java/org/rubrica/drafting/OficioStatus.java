package org.rubrica.drafting;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The oficio lifecycle; {@link #canBecome} is the one place that says which transition is allowed.
 * A draft goes through its route (IN_REVIEW) and comes back with requested changes or leaves it APPROVED;
 * only a signed oficio is sent, and a signed or sent one may be annulled.
 */
public enum OficioStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SIGNED, SENT, CANCELLED, ANNULLED;

    private static final Map<OficioStatus, Set<OficioStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(IN_REVIEW, CANCELLED),
            IN_REVIEW, EnumSet.of(APPROVED, CHANGES_REQUESTED, CANCELLED),
            CHANGES_REQUESTED, EnumSet.of(DRAFT, IN_REVIEW, CANCELLED),
            APPROVED, EnumSet.of(SIGNED, CANCELLED),
            SIGNED, EnumSet.of(SENT, ANNULLED),
            SENT, EnumSet.of(ANNULLED),
            CANCELLED, EnumSet.noneOf(OficioStatus.class),
            ANNULLED, EnumSet.noneOf(OficioStatus.class));

    public boolean canBecome(OficioStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isEditable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** The i18n key of the status name. */
    public String messageKey() {
        return "oficio.status." + name();
    }
}
