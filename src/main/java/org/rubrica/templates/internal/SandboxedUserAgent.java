package org.rubrica.templates.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;

import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextUserAgent;
import org.openpdf.simple.extend.XhtmlCssOnlyNamespaceHandler;

/**
 * Fetches nothing but the engine's own default stylesheet and the institution's uploaded images
 * ({@code asset:<name>}, from the template store): a template that links a stylesheet or an image by URL
 * (file:, http:, jar:) gets nothing, so rendering can neither read local files nor reach internal hosts.
 * Images embedded as {@code data:} URIs still work, because the engine decodes them without opening a stream.
 */
final class SandboxedUserAgent extends ITextUserAgent {

    /** Where the engine looks for its default XHTML stylesheet (display of head, p, div, tables…). */
    private static final URL DEFAULT_CSS =
            XhtmlCssOnlyNamespaceHandler.class.getResource("/resources/css/XhtmlNamespaceHandler.css");
    private static final byte[] DEFAULT_CSS_BYTES = read(DEFAULT_CSS);

    private static final String ASSET = "asset:";

    private final AssetResolver assets;

    SandboxedUserAgent(ITextOutputDevice outputDevice, int dotsPerPixel, AssetResolver assets) {
        super(outputDevice, dotsPerPixel);
        this.assets = assets;
    }

    @Override
    public String resolveURI(String uri) {
        return uri != null && uri.startsWith(ASSET) ? uri : super.resolveURI(uri);
    }

    @Override
    protected InputStream resolveAndOpenStream(String uri) {
        if (DEFAULT_CSS != null && DEFAULT_CSS.toString().equals(uri)) {
            return new ByteArrayInputStream(DEFAULT_CSS_BYTES);
        }
        if (uri != null && uri.startsWith(ASSET)) {
            return assets.printable(uri.substring(ASSET.length())).map(ByteArrayInputStream::new).orElse(null);
        }
        return null;
    }


    @Override
    protected InputStream openStream(String uri) throws IOException {
        throw new IOException("external resources are not allowed in documents: " + uri);
    }

    @Override
    protected URLConnection openConnection(String uri) throws IOException {
        throw new IOException("external resources are not allowed in documents: " + uri);
    }

    private static byte[] read(URL url) {
        if (url == null) {
            return new byte[0];
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
