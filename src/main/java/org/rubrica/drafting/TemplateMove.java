package org.rubrica.drafting;

import java.util.List;

/**
 * The outcome of moving a draft to its template's newest version.
 *
 * @param missingRequired required fields of the new version that have no value yet
 * @param dropped         values whose fields the new version no longer has
 */
public record TemplateMove(int fromVersionNo, int toVersionNo, List<String> missingRequired, List<String> dropped) {

    public boolean moved() {
        return fromVersionNo != toVersionNo;
    }
}
