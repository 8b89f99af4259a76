package org.rubrica.drafting.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.shared.ui.FieldErrors;
import org.springframework.security.access.AccessDeniedException;
import org.rubrica.shared.ui.Notices;
import org.rubrica.shared.ui.PdfPages;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateSummary;
import org.rubrica.templates.TemplateVersion;

/**
 * Writes an oficio: recipient unit, subject, the template's own fields and the body, with a PDF preview of
 * exactly what will be printed. Saving leads to the oficio's page, where it is sent.
 */
@Route("oficios/nuevo")
@RouteAlias("oficios/:id/editar")
@Menu(order = 2, title = "menu.new-oficio", icon = "vaadin:edit")
@RolesAllowed(Role.Names.DRAFTER)
class DraftEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String DEFAULT_TEMPLATE = "oficio";

    private final OficioService oficios;
    private final TemplateCatalog templates;
    private final Directory directory;
    private final CurrentActor currentActor;

    private final Select<TemplateSummary> kind = new Select<>();
    private final ComboBox<Unit> recipient = new ComboBox<>();
    private final TextField subject = new TextField();
    private final RichTextEditor body = new RichTextEditor();
    private final Map<String, TemplateFieldInputs.Input> templateFields = new HashMap<>();
    private final FieldErrors errors = new FieldErrors();
    private final FormLayout form = new FormLayout();
    private final PdfPages preview = new PdfPages();

    private String templateCode = DEFAULT_TEMPLATE;
    private UUID editing;
    private int version;

    DraftEditorView(OficioService oficios, TemplateCatalog templates, Directory directory,
                    CurrentActor currentActor) {
        this.oficios = oficios;
        this.templates = templates;
        this.directory = directory;
        this.currentActor = currentActor;
        addClassName("draft-editor");
        recipient.setId("recipient");
        subject.setId("subject");
        body.setId("body");
        body.offerToRestoreBackups();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        editing = event.getRouteParameters().get("id").map(raw -> NotFoundException.parseId(raw, "oficio")).orElse(null);
        // unsaved text survives a closed tab or an expired session in this browser, per person and draft
        body.setStorageKey("oficio-body." + currentActor.require().personId() + "." + (editing == null ? "new" : editing));
        if (editing == null) {
            // the institution's usual oficio, unless this unit may not use it
            var codes = oficios.startingTemplates().stream().map(TemplateSummary::code).toList();
            chooseTemplate(codes.contains(DEFAULT_TEMPLATE) || codes.isEmpty() ? DEFAULT_TEMPLATE : codes.getFirst());
            return;
        }
        OficioDetails oficio = oficios.get(editing);
        if (!oficio.can().canEdit()) {
            throw new AccessDeniedException("not editable"); // sent, or not the author's
        }
        build(templates.version(oficio.templateVersionId()));
        fill(oficio);
    }

    /** A new draft starts from the chosen template's newest version, with its fields and default body. */
    private void chooseTemplate(String code) {
        templateCode = code;
        TemplateVersion template = oficios.startingVersion(code);
        build(template);
        body.setValue(template.defaultBodyHtml());
    }

    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "menu.new-oficio" : "oficio.edit") + " · " + getTranslation("app.name");
    }

    private void build(TemplateVersion template) {
        removeAll();
        long ownUnit = currentActor.require().unitId();
        recipient.setLabel(getTranslation("oficio.recipient"));
        recipient.setItems(directory.activeUnits().stream().filter(u -> u.id() != ownUnit).toList());
        recipient.setItemLabelGenerator(Unit::label);
        recipient.setRequiredIndicatorVisible(true);
        subject.setLabel(getTranslation("oficio.subject"));
        subject.setRequiredIndicatorVisible(true);
        subject.setMaxLength(DraftContent.SUBJECT_MAX_LENGTH);
        body.setLabel(getTranslation("oficio.body"));
        body.setHelperText(getTranslation("oficio.body.rich-help"));
        body.setRequiredIndicatorVisible(true);
        errors.bind("recipient", recipient).bind("subject", subject).bind("body", body);

        form.removeAll();
        if (editing == null) {
            if (kind.getListDataView().getItemCount() == 0) {
                kind.setLabel(getTranslation("oficio.template"));
                kind.setId("template");
                kind.setItems(oficios.startingTemplates());
                kind.setItemLabelGenerator(t -> t.name(getLocale()));
                kind.addValueChangeListener(e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        chooseTemplate(e.getValue().code());
                    }
                });
            }
            kind.getListDataView().getItems().filter(t -> t.code().equals(templateCode)).findFirst()
                    .ifPresent(kind::setValue);
            form.add(kind);
        }
        form.add(recipient, subject);
        templateFields.clear();
        for (FieldDefinition field : template.fields()) {
            var input = TemplateFieldInputs.create(field, getLocale(), directoryNames());
            templateFields.put(field.name(), input);
            errors.bind(field.name(), input.validation());
            form.add(input.component());
        }
        form.add(body);
        form.setColspan(body, 2);

        var previewButton = new Button(getTranslation("action.preview"), e -> showPreview());
        var save = new Button(getTranslation("action.save-draft"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-draft");
        previewButton.setId("preview");
        var actions = new HorizontalLayout(save, previewButton);

        var editor = new Div(form, actions);
        editor.addClassName("editor-form");
        var split = new FlexLayout(editor, preview);
        split.addClassName("editor-split");
        add(new H2(getTranslation(editing == null ? "menu.new-oficio" : "oficio.edit")), split);
    }

    private TemplateFieldInputs.DirectoryNames directoryNames() {
        return new TemplateFieldInputs.DirectoryNames(
                () -> directory.people().stream().filter(Person::active).map(Person::fullName).sorted().toList(),
                () -> directory.activeUnits().stream().map(Unit::name).sorted().toList());
    }

    private void fill(OficioDetails oficio) {
        version = oficio.version();
        recipient.setValue(directory.unit(oficio.recipientUnitId()));
        subject.setValue(oficio.subject());
        body.setValue(oficio.bodyHtml());
        templateFields.forEach((name, input) -> input.setter().accept(oficio.fields().getOrDefault(name, "")));
    }

    private DraftContent content() {
        Map<String, String> values = new HashMap<>();
        templateFields.forEach((name, input) -> values.put(name, input.value().get()));
        return new DraftContent(recipient.getValue() == null ? null : recipient.getValue().id(), subject.getValue(),
                body.getValue(), values);
    }

    private void showPreview() {
        try {
            errors.clear();
            byte[] pdf = editing == null ? oficios.previewPdf(templateCode, content()) : oficios.previewPdf(editing, content());
            preview.show(pdf, oficios.pageImages(pdf), getTranslation("pdf.preview-file"));
        } catch (InvalidInputException e) {
            errors.show(e, this);
        }
    }

    private void save() {
        try {
            errors.clear();
            UUID id = editing;
            if (id == null) {
                id = oficios.startDraft(templateCode, content());
            } else {
                version = oficios.saveDraft(id, content(), version).version();
            }
            body.markSaved();
            Notices.success(getTranslation("oficio.saved"));
            UUID saved = id;
            getUI().ifPresent(ui -> ui.navigate("oficios/" + saved));
        } catch (InvalidInputException e) {
            errors.show(e, this);
        } catch (StaleDraftException e) {
            Notices.error(getTranslation("oficio.stale"));
        }
    }
}
