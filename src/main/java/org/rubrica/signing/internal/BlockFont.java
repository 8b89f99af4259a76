package org.rubrica.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The typeface of signature blocks: Liberation Sans cut down once, at start, to the Latin letters and punctuation
 * names, positions and dates use. Parsing the whole 400 KB font for every signature cost most of a signature;
 * the cut (Latin-1: every letter of Spanish names, dates and serials) is a fraction of it. A character outside it
 * is printed as "?" rather than failing the signature; the certificate still names the signer exactly.
 */
public final class BlockFont {

    private static final String SOURCE = "/liberation/LiberationSans-Regular.ttf";
    private static final int[][] RANGES = {
            {0x20, 0x7E}, {0xA0, 0xFF}, {0x2013, 0x2014}, {0x2018, 0x201D}, {0x2026, 0x2026}, {0x20AC, 0x20AC}};
    private static final byte[] BYTES = cut();

    private BlockFont() {
    }

    /** The cut font, as TrueType bytes. */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    /** The text with every character the cut font lacks replaced by "?" (line breaks kept). */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == '\n' || covered(c) ? c : '?'));
        return out.toString();
    }

    private static boolean covered(int c) {
        for (int[] range : RANGES) {
            if (c >= range[0] && c <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static byte[] cut() {
        try (InputStream in = BlockFont.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the classpath (openpdf-fonts-extra)");
            }
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                // without the layout tables (GSUB, GPOS, kern): applying their Latin ligature rules to each block's
                // text was most of what drawing it cost, and a signature block needs no ligatures
                TTFSubsetter subsetter = new TTFSubsetter(font, java.util.List.of("head", "hhea", "loca", "maxp",
                        "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp", "post", "OS/2", "name", "cmap"));
                for (int[] range : RANGES) {
                    for (int c = range[0]; c <= range[1]; c++) {
                        subsetter.add(c);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
