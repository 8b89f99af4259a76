package org.rubrica.drafting;

import java.util.UUID;

import org.rubrica.directory.Actor;

/**
 * People other modules bring to an oficio (the members of its route, later its assignees): they may see it.
 * Drafting asks every bean of this type; it knows none of them.
 */
public interface OficioAudience {

    boolean includes(Actor actor, UUID oficioId);

    /**
     * Whether the person also takes part in the draft's review (suggests changes while it is a draft, comments,
     * reads its history), as a reviewer on its route does.
     */
    default boolean reviews(Actor actor, UUID oficioId) {
        return false;
    }

    /**
     * Whether the person is named on the oficio (a member of its route, someone it was assigned to), and so sees it
     * even when it is confidential; an audience that only follows from a unit's role (its receiving office) is not.
     */
    default boolean names(Actor actor, UUID oficioId) {
        return false;
    }
}
