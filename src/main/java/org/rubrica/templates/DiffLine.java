package org.rubrica.templates;

/** One row of a side-by-side comparison of two template versions. */
public record DiffLine(Change change, String older, String newer) {

    public enum Change { SAME, CHANGED, ADDED, REMOVED }
}
