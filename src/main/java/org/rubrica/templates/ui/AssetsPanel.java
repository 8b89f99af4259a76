package org.rubrica.templates.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.BoundedUpload;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Notices;
import org.rubrica.templates.AssetInfo;
import org.rubrica.templates.TemplateAssets;

/** The uploaded images, each with a thumbnail and the address templates print it by; and an upload. */
class AssetsPanel extends Div {

    private final TemplateAssets assets;
    private final Consumer<List<AssetInfo>> onChange;
    private final Grid<AssetInfo> grid = new Grid<>();
    private final TextField name = new TextField(getTranslation("asset.name"));
    private final FieldErrors errors = new FieldErrors();

    AssetsPanel(TemplateAssets assets, Consumer<List<AssetInfo>> onChange) {
        this.assets = assets;
        this.onChange = onChange;
        addClassName("assets-panel");
        grid.addComponentColumn(this::thumbnail).setWidth("7em").setFlexGrow(0);
        grid.addColumn(AssetInfo::name).setHeader(getTranslation("asset.name")).setAutoWidth(true);
        grid.addColumn(AssetInfo::address).setHeader(getTranslation("asset.address")).setAutoWidth(true);
        grid.addColumn(a -> a.mediaType().substring("image/".length()).toUpperCase())
                .setHeader(getTranslation("asset.type-column")).setAutoWidth(true);
        grid.addColumn(a -> a.width() + " × " + a.height() + " px")
                .setHeader(getTranslation("asset.dimensions-column")).setAutoWidth(true);
        grid.addColumn(a -> Math.max(1, a.sizeBytes() / 1024) + " KB")
                .setHeader(getTranslation("asset.size-column")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        name.setId("asset-name");
        name.setHelperText(getTranslation("asset.name.help"));
        errors.bind("name", name);
        int maxMb = TemplateAssets.MAX_BYTES / (1024 * 1024);
        add(new H3(getTranslation("asset.title")),
                new Paragraph(getTranslation("asset.help", maxMb, TemplateAssets.MIN_SIDE_PX, TemplateAssets.MAX_SIDE_PX)),
                grid, new HorizontalLayout(name, upload(maxMb)));
        refresh();
    }

    private Image thumbnail(AssetInfo asset) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> assets.file(asset.name())
                .map(f -> new DownloadResponse(new java.io.ByteArrayInputStream(f.content()), asset.name(),
                        f.mediaType(), f.content().length))
                .orElseGet(() -> DownloadResponse.error(404))), getTranslation("asset.preview-alt", asset.name()));
        image.addClassName("asset-thumbnail");
        return image;
    }

    private Upload upload(int maxMb) {
        Upload upload = new Upload(new BoundedUpload(TemplateAssets.MAX_BYTES, (fileName, bytes) -> {
            if (bytes == null) {
                Notices.error(getTranslation("asset.too-large", maxMb));
                return;
            }
            try {
                errors.clear();
                AssetInfo saved = assets.upload(name.getValue().strip(), fileName, bytes);
                Notices.success(getTranslation("asset.uploaded", saved.name()));
                name.clear();
                refresh();
            } catch (InvalidInputException e) {
                errors.show(e, this);
            }
        }));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/svg+xml", ".png", ".jpg", ".jpeg", ".svg");
        upload.setMaxFileSize(TemplateAssets.MAX_BYTES);
        upload.setUploadButton(new Button(getTranslation("asset.upload")));
        upload.setDropLabel(new Span(""));
        upload.setId("asset-upload");
        var i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("asset.too-large", maxMb))
                .setIncorrectFileType(getTranslation("asset.type"))
                .setTooManyFiles(getTranslation("asset.type")));
        upload.setI18n(i18n);
        return upload;
    }

    private void refresh() {
        List<AssetInfo> list = assets.list();
        grid.setItems(list);
        onChange.accept(list);
    }
}
