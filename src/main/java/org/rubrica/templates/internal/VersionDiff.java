package org.rubrica.templates.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import org.rubrica.templates.DiffLine;

/** Line-by-line, side-by-side differences between two texts (java-diff-utils), as plain text rows. */
public final class VersionDiff {

    private static final DiffRowGenerator ROWS = DiffRowGenerator.create().showInlineDiffs(false).build();

    private VersionDiff() {
    }

    public static List<DiffLine> between(String older, String newer) {
        List<DiffLine> lines = new ArrayList<>();
        for (DiffRow row : ROWS.generateDiffRows(lines(older), lines(newer))) {
            DiffLine.Change change = switch (row.getTag()) {
                case EQUAL -> DiffLine.Change.SAME;
                case INSERT -> DiffLine.Change.ADDED;
                case DELETE -> DiffLine.Change.REMOVED;
                case CHANGE -> DiffLine.Change.CHANGED;
            };
            lines.add(new DiffLine(change, unescape(row.getOldLine()), unescape(row.getNewLine())));
        }
        return lines;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    /** The generator HTML-escapes its output for web pages; our views escape by themselves. */
    private static String unescape(String line) {
        return line.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
