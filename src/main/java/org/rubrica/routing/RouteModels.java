package org.rubrica.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.Priority;

/** The shapes routing hands to views and the API. */
public final class RouteModels {

    private RouteModels() {
    }

    /** A review gives or withholds the visto bueno; a sign step is the signer's approval (signing itself follows). */
    public enum StepKind { REVIEW, SIGN }

    /** With several people: everyone must approve, or any one of them. */
    public enum StepMode { ALL, ANY }

    public enum Decision { APPROVED, CHANGES_REQUESTED, REJECTED }

    /** Someone who approved a signing step: the person named on it, and who acted (themselves, or a substitute). */
    public record Signer(long personId, long actedById) {
    }

    /** A step as the owner plans it. */
    public record StepPlan(StepKind kind, StepMode mode, List<Long> personIds, Instant dueAt) {
    }

    public record MemberView(long personId, String fullName, String cargo, Decision decision, String comment,
                             String actedByName, Instant decidedAt) {
    }

    public record StepView(int position, StepKind kind, StepMode mode, Instant dueAt, boolean current,
                           List<MemberView> members) {
    }

    /**
     * The route of one oficio: its steps with this round's decisions, and what the current person may do. When
     * they may edit it, the first {@code fixedSteps} steps (reached already) stay as they are.
     */
    public record RouteView(UUID oficioId, OficioStatus status, int round, Integer currentPosition,
                            List<StepView> steps, boolean canEdit, boolean canSubmit, boolean canDecide,
                            int fixedSteps) {
    }

    /** Something waiting for the current person; {@code onBehalfOf} names the head they stand in for, if any. */
    public record PendingItem(UUID oficioId, String subject, String kind, Work work, int position,
                              Instant waitingSince, Instant dueAt, Priority priority, String onBehalfOf) {
    }

    /**
     * What is waited for: a review or a signing step of a route; once the route is approved, the signature itself
     * (with the PIN); or a received oficio turned to the person.
     */
    public enum Work { REVIEW, SIGN, TO_SIGN, ASSIGNED }

    /** What Pendientes can be ordered by; ties fall to the oldest waiting. */
    public enum PendingOrder { DUE, WAITING_SINCE, PRIORITY, SUBJECT }

    /**
     * Which pending work to list and in what order: only reviews, signatures or assignments ({@code work}), words of the
     * subject (ignoring accents and case), only overdue, only urgent.
     */
    public record PendingQuery(Work work, String text, boolean overdueOnly, boolean urgentOnly,
                               PendingOrder order, boolean descending) {

        /** Everything, soonest due first. */
        public static PendingQuery all() {
            return new PendingQuery(null, null, false, false, PendingOrder.DUE, false);
        }
    }
}
