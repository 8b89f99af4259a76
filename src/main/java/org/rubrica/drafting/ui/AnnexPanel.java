package org.rubrica.drafting.ui;

import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.rubrica.drafting.Annex;
import org.rubrica.drafting.AnnexService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.BoundedUpload;
import org.rubrica.shared.ui.Notices;

/**
 * An oficio's annexes on its page: each to download, with its size and SHA-256; its owner adds and removes them
 * while it is a draft. Refused files say why and leave nothing behind.
 */
public class AnnexPanel extends Div {

    private final AnnexService annexes;
    private final UUID oficioId;
    private final Runnable onChange;

    public AnnexPanel(AnnexService annexes, UUID oficioId, boolean editable, Runnable onChange) {
        this.annexes = annexes;
        this.oficioId = oficioId;
        this.onChange = onChange;
        setId("annex-panel");
        addClassName("annex-panel");
        List<Annex> list = annexes.list(oficioId);
        add(new H3(getTranslation("annex.title")));
        if (list.isEmpty()) {
            add(new Span(getTranslation("annex.none")));
        }
        for (Annex annex : list) {
            add(line(annex, editable));
        }
        if (editable) {
            var upload = new Upload(new BoundedUpload(annexes.limits().maxFileBytes(), this::received));
            upload.setId("annex-upload");
            upload.setMaxFiles(1);
            upload.setUploadButton(new Button(getTranslation("annex.add")));
            add(upload);
        }
        setVisible(editable || !list.isEmpty());
    }

    private Div line(Annex annex, boolean editable) {
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] content = annexes.content(oficioId, annex.id());
            return new DownloadResponse(new java.io.ByteArrayInputStream(content), annex.fileName(), annex.mediaType(),
                    content.length);
        }), annex.fileName());
        link.setId("annex-" + annex.id());
        var line = new Div(link, new Span(" · " + (annex.sizeBytes() + 1023) / 1024 + " KB · SHA-256 "
                + annex.sha256().substring(0, 16) + "…"));
        line.addClassName("annex");
        if (editable) {
            var remove = new Button(getTranslation("annex.remove"), e -> Notices.attempt(this,
                    () -> annexes.remove(oficioId, annex.id()), onChange, () -> { }));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setId("annex-remove-" + annex.id());
            line.add(remove);
        }
        return line;
    }

    private void received(String fileName, byte[] content) {
        try {
            if (content == null) {
                throw new InvalidInputException("annex.too-large", "file", fileName,
                        annexes.limits().maxFileBytes() / (1024 * 1024));
            }
            Annex annex = annexes.add(oficioId, fileName, content);
            Notices.success(getTranslation("annex.added", annex.fileName()));
            onChange.run();
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }
}
