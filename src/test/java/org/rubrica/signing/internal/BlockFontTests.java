package org.rubrica.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The signature blocks' font keeps every letter of Spanish names; anything else prints as "?", never fails. */
class BlockFontTests {

    @Test
    void spanish_letters_are_kept_others_become_a_question_mark() throws IOException {
        assertThat(BlockFont.printable("Ing. Óscar Núñez Güémez\nCertificado: 3F2A – «ok»"))
                .isEqualTo("Ing. Óscar Núñez Güémez\nCertificado: 3F2A – «ok»");
        assertThat(BlockFont.printable("Łukasz 王")).isEqualTo("?ukasz ?");
        assertThat(BlockFont.bytes().length).as("a fraction of the 400 KB font").isLessThan(64 * 1024);
        try (var font = new TTFParser().parse(new RandomAccessReadBuffer(BlockFont.bytes()))) {
            assertThat(font.getUnicodeCmapLookup().getGlyphId('ñ')).isPositive();
            assertThat(font.getUnicodeCmapLookup().getGlyphId('€')).isPositive();
        }
    }
}
