package org.rubrica.drafting.internal.text;

import java.util.Locale;

/** Only web and mail links reach a body, whatever they came from (an editor, a Word document). */
public final class Links {

    private Links() {
    }

    /** The address, trimmed, if it is http, https or mailto; otherwise {@code null}. */
    public static String safe(String href) {
        if (href == null) {
            return null;
        }
        String trimmed = href.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? trimmed : null;
    }
}
