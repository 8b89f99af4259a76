package org.rubrica.drafting.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * What an annex is, told from its content (never from its name alone): PDF, PNG, JPEG, Office Open XML and
 * OpenDocument files (zip packages with their own markers), and legacy Office files (OLE2). The name's extension
 * must agree with the content, so a program cannot pass for a PDF by its name, nor a PDF travel under a
 * program's name.
 */
public final class AnnexTypes {

    private static final Map<String, Set<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
            Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
            Map.entry("application/vnd.oasis.opendocument.presentation", Set.of("odp")),
            Map.entry("application/x-ole-storage", Set.of("doc", "xls", "ppt")));

    private AnnexTypes() {
    }

    /** The media type the content shows, if it is one Rubrica accepts and the name's extension agrees. */
    public static Optional<String> detect(String fileName, byte[] content) {
        Optional<String> type = sniff(content);
        String extension = fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return type.filter(t -> EXTENSIONS.get(t).contains(extension));
    }

    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1})) {
            return Optional.of("application/x-ole-storage");
        }
        if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            return officePackage(b);
        }
        return Optional.empty();
    }

    /**
     * A zip is accepted only as an office document: OpenDocument names itself first, OOXML by its parts. Only the
     * zip's central directory is read (and the few bytes of OpenDocument's {@code mimetype}): nothing is inflated,
     * so a zip bomb costs nothing.
     */
    private static Optional<String> officePackage(byte[] b) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(b)).get()) {
            ZipArchiveEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String mime;
                try (var in = zip.getInputStream(mimetype)) {
                    mime = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                }
                return mime.startsWith("application/vnd.oasis.opendocument.") && EXTENSIONS.containsKey(mime)
                        ? Optional.of(mime) : Optional.empty();
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            for (String part : new String[] {"word/", "xl/", "ppt/"}) {
                if (java.util.Collections.list(zip.getEntries()).stream().anyMatch(e -> e.getName().startsWith(part))) {
                    return Optional.of("application/vnd.openxmlformats-officedocument." + switch (part) {
                        case "word/" -> "wordprocessingml.document";
                        case "xl/" -> "spreadsheetml.sheet";
                        default -> "presentationml.presentation";
                    });
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether an office package carries macros (a VBA project): refused, as a program would be. */
    public static boolean hasMacros(byte[] b) {
        if (!startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(b)).get()) {
            return java.util.Collections.list(zip.getEntries()).stream()
                    .anyMatch(e -> e.getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
