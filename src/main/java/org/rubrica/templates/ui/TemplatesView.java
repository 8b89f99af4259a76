package org.rubrica.templates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.BoundedUpload;
import org.rubrica.shared.ui.Notices;
import org.rubrica.templates.TemplateAdministration;
import org.rubrica.templates.TemplateListing;
import org.rubrica.templates.TemplateImport;
import org.rubrica.templates.TemplatePortability;

/** The institution's templates; a click opens one for editing. */
@Route("admin/plantillas")
@Menu(order = 12, title = "menu.templates", icon = "vaadin:file-code")
@RolesAllowed("TEMPLATE_ADMIN")
class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    TemplatesView(TemplateAdministration administration, TemplatePortability portability) {
        setSizeFull();
        Grid<TemplateListing> grid = new Grid<>();
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("template.name")).setFlexGrow(2);
        grid.addColumn(TemplateListing::code).setHeader(getTranslation("template.code")).setAutoWidth(true);
        grid.addColumn(TemplateListing::newestVersionNo).setHeader(getTranslation("template.version")).setAutoWidth(true);
        grid.addColumn(t -> t.draftPending() ? getTranslation("template.draft") : "")
                .setHeader(getTranslation("template.pending")).setAutoWidth(true);
        grid.setItems(administration.templates());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("admin/plantillas/" + e.getItem().code())));
        var create = new Button(getTranslation("template.create"), e -> new NewTemplateDialog(administration).open());
        create.setId("template-new");
        add(new H2(getTranslation("menu.templates")), create, grid, importer(portability));
    }

    /** A template file from another installation; it arrives as a draft (the list shows published ones). */
    private Upload importer(TemplatePortability portability) {
        Upload upload = new Upload(new BoundedUpload(TemplatePortability.MAX_FILE_BYTES, (name, bytes) -> {
            if (bytes == null) {
                Notices.error(getTranslation("template.import.too-large", TemplatePortability.MAX_FILE_BYTES / 1024));
                return;
            }
            try {
                TemplateImport result = portability.importPackage(bytes);
                String message = getTranslation("template.import.done", result.code(), result.draftVersionNo());
                Notices.success(result.otherBaseFormat() ? message + " " + getTranslation("template.import.other-base")
                        : message);
                getUI().ifPresent(ui -> ui.navigate("admin/plantillas/" + result.code()));
            } catch (InvalidInputException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
        }));
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(TemplatePortability.MAX_FILE_BYTES);
        upload.setUploadButton(new Button(getTranslation("template.import")));
        upload.setDropLabel(new Span(getTranslation("template.import.help")));
        upload.setId("template-import");
        var i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("template.import.too-large", TemplatePortability.MAX_FILE_BYTES / 1024))
                .setIncorrectFileType(getTranslation("template.import.unreadable"))
                .setTooManyFiles(getTranslation("template.import.unreadable")));
        upload.setI18n(i18n);
        return upload;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.templates") + " · " + getTranslation("app.name");
    }
}
