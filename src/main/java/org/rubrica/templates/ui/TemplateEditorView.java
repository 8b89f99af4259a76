package org.rubrica.templates.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.UnitChoices;
import org.rubrica.shared.UnitChoices.UnitChoice;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;
import org.rubrica.shared.ui.PdfPages;
import org.rubrica.templates.DocumentRenderer;
import org.rubrica.templates.EditableTemplate;
import org.rubrica.templates.RichText;
import org.rubrica.templates.TemplateAdministration;
import org.rubrica.templates.TemplateDraft;
import org.rubrica.templates.TemplatePortability;
import org.rubrica.templates.TemplateVersionInfo;

/**
 * Edits one template: its FreeMarker layout, field schema and default body as a draft; "Probar" saves the
 * draft after a trial render and shows the PDF with sample values; "Publicar" makes it the version new
 * documents start from. The history restores any published version by publishing it anew.
 */
@Route("admin/plantillas/:code")
@RolesAllowed("TEMPLATE_ADMIN")
class TemplateEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TemplateAdministration administration;
    private final TemplatePortability portability;
    private final DocumentRenderer renderer;
    private final TextArea source = new TextArea();
    private final TextArea defaultBody = new TextArea();
    private final FieldSchemaEditor schema = new FieldSchemaEditor();
    private final FieldErrors errors = new FieldErrors();
    private final PdfPages preview = new PdfPages();
    private final Span state = new Span();
    private final Grid<TemplateVersionInfo> history = new Grid<>();
    private final Button compare = new Button(getTranslation("template.compare"), e -> compareSelected());
    private final MultiSelectComboBox<UnitChoice> availability = new MultiSelectComboBox<>();
    private final UnitChoices units;
    private String code;
    private String title = "";

    TemplateEditorView(TemplateAdministration administration, TemplatePortability portability,
                       DocumentRenderer renderer, UnitChoices units) {
        this.administration = administration;
        this.portability = portability;
        this.renderer = renderer;
        this.units = units;
        availability.setLabel(getTranslation("template.availability"));
        availability.setHelperText(getTranslation("template.availability.help"));
        availability.setItemLabelGenerator(UnitChoice::label);
        availability.setId("template-availability");
        availability.setWidthFull();
        errors.bind("availability", availability);
        addClassName("template-editor");
        source.setLabel(getTranslation("template.source"));
        source.setId("template-source");
        source.addClassName("code");
        source.setHelperText(getTranslation("template.source.help"));
        defaultBody.setLabel(getTranslation("template.default-body"));
        defaultBody.setHelperText(getTranslation("oficio.body.help"));
        errors.bind("source", source);
        history.addColumn(TemplateVersionInfo::versionNo).setHeader(getTranslation("template.version")).setAutoWidth(true);
        history.addColumn(v -> v.published() ? Formats.dateTime(v.publishedAt(), getLocale())
                : getTranslation("template.draft")).setHeader(getTranslation("template.published"));
        history.addComponentColumn(v -> v.published()
                ? new Button(getTranslation("template.restore"), e -> restore(v)) : new Span());
        history.setAllRowsVisible(true);
        history.setSelectionMode(Grid.SelectionMode.MULTI);
        compare.setEnabled(false);
        history.addSelectionListener(e -> compare.setEnabled(e.getAllSelectedItems().size() == 2));
    }

    private void compareSelected() {
        var chosen = history.getSelectedItems().stream().map(TemplateVersionInfo::versionNo).sorted().toList();
        new VersionDiffDialog(chosen.get(0), chosen.get(1),
                administration.compare(code, chosen.get(0), chosen.get(1))).open();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElseThrow();
        load(administration.editable(code));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    private void load(EditableTemplate template) {
        removeAll();
        title = "en".equals(getLocale().getLanguage()) ? template.nameEn() : template.nameEs();
        source.setValue(template.content().source());
        defaultBody.setValue(RichText.toPlainText(template.content().defaultBodyHtml()));
        schema.setFields(template.content().fields());
        state.setText(getTranslation(template.draft() ? "template.state.draft" : "template.state.published",
                template.versionNo()));
        state.getElement().getThemeList().add("badge");
        history.setItems(administration.history(code));

        var tryIt = new Button(getTranslation("template.try"), e -> saveAndPreview());
        tryIt.setId("template-try");
        var publish = new Button(getTranslation("template.publish"), e -> confirmPublish());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setEnabled(template.draft());
        publish.setId("template-publish");

        List<UnitChoice> choices = units.unitChoices();
        availability.setItems(choices);
        Set<Long> granted = administration.availability(code);
        availability.setValue(choices.stream().filter(u -> granted.contains(u.id())).collect(Collectors.toSet()));
        var saveAvailability = new Button(getTranslation("template.availability.save"), e -> saveAvailability());
        saveAvailability.setId("template-availability-save");

        var editor = new Div(source, new H3(getTranslation("template.fields")), schema, defaultBody,
                new HorizontalLayout(tryIt, publish), new H3(getTranslation("template.availability")), availability,
                saveAvailability, new H3(getTranslation("template.history")), history, compare);
        editor.addClassName("editor-form");
        var split = new FlexLayout(editor, preview);
        split.addClassName("editor-split");
        int versionNo = template.versionNo();
        var export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = portability.export(code, versionNo);
            return new DownloadResponse(new ByteArrayInputStream(file), TemplatePortability.fileName(code, versionNo),
                    "application/json", file.length);
        }), AttachmentType.DOWNLOAD, getTranslation("template.export"));
        var discard = new Button(getTranslation("template.discard"), e -> discard());
        discard.setVisible(template.draft());
        var heading = new HorizontalLayout(new H2(title), state, export, discard);
        heading.setAlignItems(Alignment.BASELINE);
        add(heading, split);
    }

    private void saveAndPreview() {
        try {
            errors.clear();
            long draftId = administration.saveDraft(code, new TemplateDraft(source.getValue(), schema.fields(),
                    RichText.fromPlainText(defaultBody.getValue())));
            byte[] pdf = administration.previewPdf(draftId);
            String text = source.getValue();
            load(administration.editable(code));
            source.setValue(text);
            preview.show(pdf, renderer.toPngPages(pdf, 110), getTranslation("template.preview-file", code));
            Notices.success(getTranslation("template.saved"));
        } catch (InvalidInputException e) {
            errors.show(e, this);
        }
    }

    private void confirmPublish() {
        var dialog = new ConfirmDialog(getTranslation("template.publish.title"),
                getTranslation("template.publish.message"), getTranslation("template.publish"), e -> {
            try {
                var published = administration.publish(code);
                Notices.success(getTranslation("template.published.done", published.versionNo()));
                load(administration.editable(code));
            } catch (InvalidInputException ex) {
                errors.show(ex, this);
            }
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void restore(TemplateVersionInfo version) {
        try {
            var published = administration.republish(code, version.versionNo());
            Notices.success(getTranslation("template.published.done", published.versionNo()));
            load(administration.editable(code));
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void saveAvailability() {
        try {
            errors.clear();
            administration.setAvailability(code, availability.getValue().stream().map(UnitChoice::id)
                    .collect(Collectors.toSet()));
            Notices.success(getTranslation("template.availability.saved"));
        } catch (InvalidInputException e) {
            errors.show(e, this);
        }
    }

    private void discard() {
        administration.discardDraft(code);
        Notices.success(getTranslation("template.discarded"));
        load(administration.editable(code));
    }
}
