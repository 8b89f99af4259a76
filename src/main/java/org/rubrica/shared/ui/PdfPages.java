package org.rubrica.shared.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * A PDF shown as page images (which every browser, phones included, displays) with a link to the PDF itself.
 */
public class PdfPages extends Div {

    public PdfPages() {
        addClassName("pdf-pages");
    }

    public void show(byte[] pdf, List<byte[]> pageImages, String fileName) {
        removeAll();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length)),
                AttachmentType.DOWNLOAD, getTranslation("pdf.download"));
        download.addClassName("pdf-download");
        add(download);
        for (int i = 0; i < pageImages.size(); i++) {
            Image page = new Image(pageImages.get(i), getTranslation("pdf.page-alt", i + 1));
            page.addClassName("pdf-page");
            add(page);
        }
    }
}
