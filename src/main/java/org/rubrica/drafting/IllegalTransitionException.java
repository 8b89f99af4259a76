package org.rubrica.drafting;

/** A status change the lifecycle does not allow (sending twice, editing what was sent). */
public class IllegalTransitionException extends RuntimeException {

    private final OficioStatus from;
    private final OficioStatus to;

    public IllegalTransitionException(OficioStatus from, OficioStatus to) {
        super(from + " → " + to + " is not allowed");
        this.from = from;
        this.to = to;
    }

    public OficioStatus from() {
        return from;
    }

    public OficioStatus to() {
        return to;
    }
}
