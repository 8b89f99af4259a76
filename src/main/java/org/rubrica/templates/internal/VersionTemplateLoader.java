package org.rubrica.templates.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.cache.TemplateLoader;

/**
 * Serves templates from the database only: {@code v<versionId>/template.ftlx} is a version's layout and
 * {@code v<versionId>/base.ftlx} the base format it pins, so {@code <#import "base.ftlx" as base>} inside a
 * layout resolves to its own base format. Every other name is simply not found.
 */
final class VersionTemplateLoader implements TemplateLoader {

    static final Pattern NAME = Pattern.compile("v([1-9][0-9]{0,17})/(template|base)\\.ftlx");
    /**
     * Scanned over the raw text, with whitespace and FTL comments allowed between {@code ?} and the name
     * ({@code x?<#---->eval}). Blanking comments first would be fooled by a string literal holding
     * {@code <#--}, which hides real code from the scan.
     */
    private static final Pattern EVALUATING_BUILTIN = Pattern.compile(
            "\\?(?:\\s|<#--.*?-->|\\[#--.*?--\\])*(interpret|eval)(?![A-Za-z0-9_])", Pattern.DOTALL);

    private final VersionSources sources;

    VersionTemplateLoader(VersionSources sources) {
        this.sources = sources;
    }

    @Override
    public Object findTemplateSource(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        boolean base = m.group(2).equals("base");
        return sources.find(Long.parseLong(m.group(1)))
                .map(v -> new Source(name, base ? v.baseFormat() : v.template(), v.contentHash()))
                .orElse(null);
    }

    /** FreeMarker only compares this for equality, so a number derived from the content hash works. */
    @Override
    public long getLastModified(Object templateSource) {
        return ((Source) templateSource).version;
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        Source source = (Source) templateSource;
        rejectEvaluatingBuiltins(source.name, source.text);
        return new StringReader(source.text);
    }

    /** {@code ?eval} and {@code ?interpret} would turn data, possibly user text, into template code. */
    static void rejectEvaluatingBuiltins(String name, String text) throws ForbiddenSourceException {
        Matcher m = EVALUATING_BUILTIN.matcher(text);
        if (m.find()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ForbiddenSourceException("?" + m.group(1) + " is not allowed in templates", name, line,
                    m.start() - lineStart + 1);
        }
    }

    @Override
    public void closeTemplateSource(Object templateSource) {
        // nothing to release
    }

    private record Source(String name, String text, long version) {

        Source(String name, String text, String contentHash) {
            this(name, text, digest(text + '\u0000' + contentHash));
        }

        private static long digest(String s) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = (v << 8) | (d[i] & 0xff);
                }
                return v & Long.MAX_VALUE; // -1 would mean "unknown" to FreeMarker
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A source that parses but uses something the sandbox forbids; FreeMarker passes IOExceptions through. */
    static final class ForbiddenSourceException extends IOException {

        final String templateName;
        final int line;
        final int column;

        ForbiddenSourceException(String message, String templateName, int line, int column) {
            super(message);
            this.templateName = templateName;
            this.line = line;
            this.column = column;
        }
    }
}
