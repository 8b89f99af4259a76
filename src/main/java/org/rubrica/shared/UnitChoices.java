package org.rubrica.shared;

import java.util.List;

/**
 * The organisation's active units as choices (id and a label such as "SEC/DGE · Dirección General de
 * Educación"), for modules below the directory, such as templates, whose administrators pick units.
 */
public interface UnitChoices {

    List<UnitChoice> unitChoices();

    record UnitChoice(long id, String label) {
    }
}
