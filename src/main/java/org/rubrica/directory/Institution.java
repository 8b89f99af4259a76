package org.rubrica.directory;

/** The institution that runs this installation (a municipality, a ministry). */
public record Institution(long id, String name, String shortName, String city) {
}
