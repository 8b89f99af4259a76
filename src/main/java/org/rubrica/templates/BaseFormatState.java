package org.rubrica.templates;

import java.time.Instant;

/** The single format in force: its version, its settings and since when. */
public record BaseFormatState(int versionNo, BaseFormatSettings settings, Instant since) {
}
