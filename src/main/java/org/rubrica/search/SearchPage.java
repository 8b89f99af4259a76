package org.rubrica.search;

import java.util.List;

/** A page of results, newest first, and the cursor of the next page (null at the end). */
public record SearchPage(List<SearchHit> hits, String next) {
}
