package org.rubrica.delivery;

import java.time.Instant;
import java.util.List;

import org.rubrica.drafting.Recipient;

/** How far a sent oficio got with one recipient unit, as its sending side follows it. */
public record RecipientStatus(long unitId, String unitLabel, Recipient.Addressing addressing, List<String> attention,
                              Instant deliveredAt, Instant readAt, String readByName, String entryNumber,
                              Instant receivedAt, boolean acknowledged, Stage stage) {

    /**
     * The recipient's side of the lifecycle, furthest step reached: {@code DELIVERED → (READ) → RECEIVED →
     * ASSIGNED → ANSWERED | ARCHIVED}. {@link #allows} is the one place that says what the receiving office may do
     * at each step.
     */
    public enum Stage {
        DELIVERED, READ, RECEIVED, ASSIGNED, ANSWERED, ARCHIVED;

        /** What the receiving office does with a received oficio. */
        public enum Action { REGISTER, ASSIGN, FORWARD, ARCHIVE }

        private static final java.util.Map<Stage, java.util.Set<Action>> ALLOWED = java.util.Map.of(
                DELIVERED, java.util.EnumSet.of(Action.REGISTER, Action.FORWARD),
                READ, java.util.EnumSet.of(Action.REGISTER, Action.FORWARD),
                RECEIVED, java.util.EnumSet.of(Action.REGISTER, Action.ASSIGN, Action.FORWARD, Action.ARCHIVE),
                ASSIGNED, java.util.EnumSet.of(Action.REGISTER, Action.ASSIGN, Action.FORWARD, Action.ARCHIVE),
                ANSWERED, java.util.EnumSet.of(Action.REGISTER, Action.ARCHIVE),
                ARCHIVED, java.util.EnumSet.of(Action.REGISTER));

        /** Registering again is always allowed (it gives the same receipt); turning and archiving need a receipt. */
        public boolean allows(Action action) {
            return ALLOWED.get(this).contains(action);
        }

        /** The step an entry has reached, from what it records. */
        public static Stage of(boolean registered, boolean read, boolean assigned, boolean answered,
                               boolean archived) {
            if (archived) {
                return ARCHIVED;
            }
            if (answered) {
                return ANSWERED;
            }
            if (assigned) {
                return ASSIGNED;
            }
            if (registered) {
                return RECEIVED;
            }
            return read ? READ : DELIVERED;
        }

        public String messageKey() {
            return "delivery.stage." + name();
        }
    }
}
