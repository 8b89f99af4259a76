package org.rubrica.drafting.internal.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.rubrica.shared.InvalidInputException;

/**
 * Looks at an uploaded Word file before any parser does: its size, that it is a ZIP package and not an encrypted
 * (or old binary) document, that it holds no macros and does not inflate beyond reason — every entry is actually
 * decompressed and counted, so headers that lie do not help a zip bomb. A DTD in a part written in a single-byte
 * or UTF-8 encoding is refused here with a clear message; docx4j's parser refuses DTDs in any encoding anyway,
 * and that is the real protection against entity tricks.
 */
public final class DocxSafety {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_INFLATED = 60L * 1024 * 1024;
    static final int MAX_ENTRIES = 1000;
    static final int MAX_RATIO = 120;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private DocxSafety() {
    }

    public static void check(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("validation.required", "file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("docx.too-large", "file", MAX_BYTES / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docm") || name.endsWith(".dotm")) {
            throw new InvalidInputException("docx.macros", "file");
        }
        if (startsWith(bytes, OLE2)) {
            // Word wraps a password-protected .docx in an OLE2 container; an old .doc is one too
            throw new InvalidInputException("docx.encrypted-or-old", "file");
        }
        if (!startsWith(bytes, ZIP)) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
        scan(bytes);
    }

    private static void scan(byte[] bytes) {
        boolean hasDocument = false;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidInputException("docx.zip-bomb", "file");
                }
                String entryName = entry.getName();
                String lower = entryName.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                    throw new InvalidInputException("docx.macros", "file");
                }
                hasDocument |= entryName.equals("word/document.xml");
                boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels");
                StringBuilder head = xml ? new StringBuilder() : null;
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    inflated += n;
                    if (inflated > MAX_INFLATED || size > 1024 * 1024 && size / Math.max(1, bytes.length) > MAX_RATIO) {
                        throw new InvalidInputException("docx.zip-bomb", "file");
                    }
                    if (xml) {
                        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        if (head.indexOf("<!DOCTYPE") >= 0 || head.indexOf("<!ENTITY") >= 0) {
                            throw new InvalidInputException("docx.not-docx", "file");
                        }
                        if (lower.equals("[content_types].xml") && head.indexOf("macroEnabled") >= 0) {
                            throw new InvalidInputException("docx.macros", "file");
                        }
                        if (head.length() > 64) {
                            head.delete(0, head.length() - 64); // keep a tail so a marker split across reads is still seen
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new InvalidInputException("docx.not-docx", "file");
        } catch (IOException e) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
        if (!hasDocument) {
            throw new InvalidInputException("docx.not-docx", "file");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
