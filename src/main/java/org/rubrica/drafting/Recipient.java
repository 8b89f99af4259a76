package org.rubrica.drafting;

/**
 * Someone an oficio goes to: a unit, or a person reached through their unit's inbox for their attention
 * ({@code personId} set); addressed ({@link Addressing#TO}) or copied ({@link Addressing#CC}).
 */
public record Recipient(Addressing addressing, long unitId, Long personId) {

    /** Addressed to, or a copy for (con copia para). */
    public enum Addressing { TO, CC }

    public static Recipient to(long unitId) {
        return new Recipient(Addressing.TO, unitId, null);
    }

    public static Recipient copy(long unitId) {
        return new Recipient(Addressing.CC, unitId, null);
    }
}
