package org.rubrica.shared.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives one small file into memory with its size enforced on the server (the browser's own limit is only
 * a courtesy), then hands the bytes to the UI thread; an oversized file is handed over as {@code null}.
 */
public final class BoundedUpload implements UploadHandler {

    private final long maxBytes;
    private final BiConsumer<String, byte[]> onReceived;

    /** @param onReceived file name and bytes, or {@code null} bytes when the file was too large; runs in UI access */
    public BoundedUpload(long maxBytes, BiConsumer<String, byte[]> onReceived) {
        this.maxBytes = maxBytes;
        this.onReceived = onReceived;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        byte[] received = bytes.length > maxBytes ? null : bytes;
        UI ui = event.getUI();
        ui.access(() -> onReceived.accept(event.getFileName(), received));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024; // room for the multipart envelope
    }
}
