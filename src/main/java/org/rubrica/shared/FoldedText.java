package org.rubrica.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Text as people search it: without accents and case, so "educacion" finds "Educación". */
public final class FoldedText {

    private FoldedText() {
    }

    public static String fold(String text) {
        return text == null ? null
                : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
