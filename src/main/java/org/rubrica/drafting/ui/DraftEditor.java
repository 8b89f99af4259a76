package org.rubrica.drafting.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.shared.Registration;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.Priority;
import org.rubrica.drafting.ReviewModels.SaveOutcome;
import org.rubrica.drafting.ReviewModels.SuggestOutcome;
import org.rubrica.drafting.ReviewModels.WorkingDraft;
import org.rubrica.drafting.ReviewService;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Notices;
import org.rubrica.shared.ui.PdfPages;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.RichText;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateSummary;
import org.rubrica.templates.TemplateVersion;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writes an oficio: recipient unit, subject, the template's own fields and the body, with a PDF preview of
 * exactly what will be printed. The author edits the text itself; a colleague invited as editor edits the same
 * form and their save becomes suggestions. An existing draft saves itself every half minute while it has
 * unsaved changes, and leaving with unsaved changes asks first. Two views carry it, at their own addresses and
 * with their own access rules (Vaadin's route annotations are inherited, so they live on the subclasses).
 */
abstract class DraftEditor extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final String DEFAULT_TEMPLATE = "oficio";
    static final int AUTOSAVE_MILLIS = 30_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** Who is writing: a new draft, its author, or an invited editor whose saves are suggestions. */
    enum Mode { NEW, OWNER, SUGGESTING }

    private final OficioService oficios;
    private final ReviewService review;
    private final TemplateCatalog templates;
    private final Directory directory;
    private final CurrentActor currentActor;

    private final Select<TemplateSummary> kind = new Select<>();
    private final ComboBox<Unit> recipient = new ComboBox<>();
    private final TextField subject = new TextField();
    private final Select<Priority> priority = new Select<>();
    private final RichTextEditor body = new RichTextEditor();
    private final TextField note = new TextField();
    private final Span saveState = new Span();
    private final Map<String, TemplateFieldInputs.Input> templateFields = new HashMap<>();
    private final FieldErrors errors = new FieldErrors();
    private final FormLayout form = new FormLayout();
    private final PdfPages preview = new PdfPages();

    private String templateCode = DEFAULT_TEMPLATE;
    private UUID editing;
    private Mode mode = Mode.NEW;
    private int version;
    /** What was last loaded or saved: the form is "unsaved" while it differs from this. */
    private DraftContent saved;
    private Priority savedPriority = Priority.NORMAL;
    /** When the form was loaded: the owner's decisions after it win over what the form still shows. */
    private java.time.Instant since;
    /** Set while the author's form differs from the stored text because others' work was merged into that. */
    private DraftContent editedFrom;
    private Registration autosave;
    private Notification reloadOffer;

    DraftEditor(OficioService oficios, ReviewService review, TemplateCatalog templates, Directory directory,
                    CurrentActor currentActor) {
        this.oficios = oficios;
        this.review = review;
        this.templates = templates;
        this.directory = directory;
        this.currentActor = currentActor;
        addClassName("draft-editor");
        recipient.setId("recipient");
        subject.setId("subject");
        priority.setId("priority");
        body.setId("body");
        note.setId("revision-note");
        saveState.setId("save-state");
        saveState.addClassName("save-state");
        body.offerToRestoreBackups();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        editing = event.getRouteParameters().get("id").map(raw -> NotFoundException.parseId(raw, "oficio")).orElse(null);
        // unsaved text survives a closed tab or an expired session in this browser, per person and draft
        body.setStorageKey("oficio-body." + currentActor.require().personId() + "." + (editing == null ? "new" : editing));
        if (editing == null) {
            mode = Mode.NEW;
            // the institution's usual oficio, unless this unit may not use it
            var codes = oficios.startingTemplates().stream().map(TemplateSummary::code).toList();
            chooseTemplate(codes.contains(DEFAULT_TEMPLATE) || codes.isEmpty() ? DEFAULT_TEMPLATE : codes.getFirst());
            return;
        }
        OficioDetails oficio = oficios.get(editing);
        if (oficio.can().canEdit()) {
            mode = Mode.OWNER;
        } else if (oficio.can().canSuggest()) {
            mode = Mode.SUGGESTING;
        } else {
            throw new AccessDeniedException("not editable"); // sent, or neither the author's nor shared to edit
        }
        build(templates.version(oficio.templateVersionId()));
        fill(review.working(editing));
        priority.setValue(oficio.priority());
        savedPriority = oficio.priority();
    }

    /** A new draft starts from the chosen template's newest version, with its fields and default body. */
    private void chooseTemplate(String code) {
        templateCode = code;
        TemplateVersion template = oficios.startingVersion(code);
        build(template);
        body.setValue(template.defaultBodyHtml());
        saved = content();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(heading()) + " · " + getTranslation("app.name");
    }

    private String heading() {
        return switch (mode) {
            case NEW -> "menu.new-oficio";
            case OWNER -> "oficio.edit";
            case SUGGESTING -> "review.suggest";
        };
    }

    private void build(TemplateVersion template) {
        removeAll();
        long ownUnit = currentActor.require().unitId();
        recipient.setLabel(getTranslation("oficio.recipient"));
        recipient.setItems(directory.activeUnits().stream().filter(u -> mode == Mode.SUGGESTING || u.id() != ownUnit).toList());
        recipient.setItemLabelGenerator(Unit::label);
        recipient.setRequiredIndicatorVisible(true);
        recipient.setReadOnly(mode == Mode.SUGGESTING); // the author chooses where it goes
        subject.setLabel(getTranslation("oficio.subject"));
        subject.setRequiredIndicatorVisible(true);
        subject.setMaxLength(DraftContent.SUBJECT_MAX_LENGTH);
        priority.setLabel(getTranslation("oficio.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> getTranslation("oficio.priority." + p.name()));
        if (priority.getValue() == null) {
            priority.setValue(savedPriority); // a new draft keeps its choice across a change of template
        }
        priority.setVisible(mode != Mode.SUGGESTING); // how urgent it is, the author decides
        body.setLabel(getTranslation("oficio.body"));
        body.setHelperText(getTranslation("oficio.body.rich-help"));
        body.setRequiredIndicatorVisible(true);
        note.setLabel(getTranslation("revision.note.label"));
        note.setMaxLength(ReviewService.NOTE_MAX);
        note.setVisible(mode != Mode.NEW);
        errors.bind("recipient", recipient).bind("subject", subject).bind("body", body).bind("note", note);

        form.removeAll();
        if (mode == Mode.NEW) {
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
        form.add(recipient, subject, priority);
        templateFields.clear();
        for (FieldDefinition field : template.fields()) {
            var input = TemplateFieldInputs.create(field, getLocale(), directoryNames());
            templateFields.put(field.name(), input);
            errors.bind(field.name(), input.validation());
            form.add(input.component());
        }
        form.add(body, note);
        form.setColspan(body, 2);

        var previewButton = new Button(getTranslation("action.preview"), e -> showPreview());
        var save = new Button(getTranslation(mode == Mode.SUGGESTING ? "review.save-suggestions" : "action.save-draft"),
                e -> save(true));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-draft");
        previewButton.setId("preview");
        var actions = new HorizontalLayout(save, previewButton, saveState);
        actions.setAlignItems(Alignment.CENTER);

        var editor = new Div(form, actions);
        editor.addClassName("editor-form");
        var split = new FlexLayout(editor, preview);
        split.addClassName("editor-split");
        add(new H2(getTranslation(heading())));
        if (mode == Mode.SUGGESTING) {
            add(new Paragraph(getTranslation("review.suggest.help")));
        }
        add(split);
    }

    private TemplateFieldInputs.DirectoryNames directoryNames() {
        return new TemplateFieldInputs.DirectoryNames(
                () -> directory.people().stream().filter(Person::active).map(Person::fullName).sorted().toList(),
                () -> directory.activeUnits().stream().map(Unit::name).sorted().toList());
    }

    private void fill(WorkingDraft working) {
        DraftContent c = working.content();
        version = working.baseVersion();
        since = working.loadedAt();
        editedFrom = null;
        recipient.setValue(directory.unit(c.recipientUnitId()));
        subject.setValue(c.subject());
        body.setValue(c.bodyHtml());
        templateFields.forEach((name, input) -> input.setter().accept(c.fields().getOrDefault(name, "")));
        saved = content();
    }

    private DraftContent content() {
        Map<String, String> values = new HashMap<>();
        templateFields.forEach((name, input) -> values.put(name, input.value().get()));
        return new DraftContent(recipient.getValue() == null ? null : recipient.getValue().id(), subject.getValue(),
                body.getValue(), values);
    }

    /** Unsaved when anything differs from the last save; the body compared as text, not as the editor's markup. */
    boolean hasUnsavedChanges() {
        if (saved == null) {
            return false;
        }
        DraftContent now = content();
        return !Objects.equals(now.recipientUnitId(), saved.recipientUnitId())
                || !Objects.equals(now.subject(), saved.subject())
                || (mode != Mode.SUGGESTING && priority.getValue() != savedPriority)
                || !now.fields().equals(saved.fields())
                || !BodyTokens.tokenize(RichText.sanitize(now.bodyHtml()))
                .equals(BodyTokens.tokenize(RichText.sanitize(saved.bodyHtml())));
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

    /**
     * Saves (the author) or saves as suggestions (an invited editor). A deliberate save moves on to the oficio or
     * its review page; an automatic one stays, and reloads the form if others' work was merged in meanwhile.
     *
     * @return whether it was saved
     */
    boolean save(boolean deliberate) {
        try {
            errors.clear();
            DraftContent content = content();
            UUID id = editing;
            boolean reload = false;
            String message = getTranslation("oficio.saved");
            switch (mode) {
                case NEW -> {
                    id = oficios.startDraft(templateCode, content, priority.getValue());
                    savedPriority = priority.getValue();
                }
                case OWNER -> {
                    SaveOutcome outcome = oficios.saveDraft(id, content, version, note.getValue(), editedFrom);
                    version = outcome.version();
                    reload = outcome.merged();
                    // once the text holds others' work the form no longer equals it: later saves merge its new edits
                    editedFrom = reload || editedFrom != null ? content : null;
                    if (outcome.conflicts() > 0) {
                        message = getTranslation("oficio.saved.conflicts", outcome.conflicts());
                    } else if (outcome.merged()) {
                        message = getTranslation("oficio.saved.merged");
                    }
                }
                case SUGGESTING -> {
                    SuggestOutcome outcome = review.suggest(id, content, version, note.getValue(), since);
                    reload = outcome.baseVersion() != version; // the form keeps the base it was loaded on
                    message = getTranslation("review.suggestions-saved", outcome.pendingChanges())
                            + (outcome.conflicts() > 0 ? " " + getTranslation("review.suggestions-conflicts", outcome.conflicts()) : "");
                }
            }
            if (mode != Mode.SUGGESTING && priority.getValue() != savedPriority) {
                oficios.setPriority(id, priority.getValue());
                savedPriority = priority.getValue();
            }
            body.markSaved();
            saved = content;
            note.clear();
            saveState.setText(getTranslation(deliberate ? "oficio.save-state.saved" : "oficio.save-state.autosaved",
                    LocalTime.now().format(CLOCK)));
            UUID target = id;
            if (deliberate) {
                Notices.success(message);
                getUI().ifPresent(ui -> ui.navigate("oficios/" + target + (mode == Mode.SUGGESTING ? "/revision" : "")));
            } else if (reload) {
                offerReload(message);
            }
            return true;
        } catch (InvalidInputException e) {
            if (deliberate) {
                errors.show(e, this);
            } else {
                saveState.setText(getTranslation("oficio.save-state.not-saved", getTranslation(e.messageKey(), e.arguments())));
            }
        } catch (StaleDraftException e) {
            Notices.error(getTranslation("oficio.stale"));
        }
        return false;
    }

    /**
     * Others' work was merged in: the form is not replaced under the person's hands (they may be typing); they
     * reload when they choose, after their own text is saved.
     */
    private void offerReload(String message) {
        if (reloadOffer != null && reloadOffer.isOpened()) {
            return;
        }
        var reload = new Button(getTranslation("oficio.reload-merged"), e -> {
            reloadOffer.close();
            if (!hasUnsavedChanges() || save(false)) {
                fill(review.working(editing));
            }
        });
        reload.setId("reload-merged");
        reloadOffer = new Notification(new HorizontalLayout(new Span(message), reload));
        reloadOffer.setPosition(Notification.Position.BOTTOM_START);
        reloadOffer.setDuration(0);
        reloadOffer.open();
    }

    private void autosave() {
        if (editing != null && hasUnsavedChanges()) {
            save(false);
        } else if (hasUnsavedChanges()) {
            saveState.setText(getTranslation("oficio.save-state.unsaved"));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(AUTOSAVE_MILLIS);
        autosave = event.getUI().addPollListener(e -> autosave());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (autosave != null) {
            autosave.remove();
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    /** Moving elsewhere in the app with unsaved changes asks first: save and go, discard and go, or stay. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        var dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("oficio.leave.title"));
        dialog.setText(getTranslation("oficio.leave.message"));
        dialog.setConfirmText(getTranslation("oficio.leave.save"));
        dialog.addConfirmListener(e -> {
            dialog.close();
            if (save(false)) {
                action.proceed();
            }
        });
        dialog.setRejectable(true);
        dialog.setRejectText(getTranslation("oficio.leave.discard"));
        dialog.addRejectListener(e -> {
            dialog.close();
            body.discardBackup();
            saved = null;
            action.proceed();
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("oficio.leave.stay"));
        dialog.setId("leave-dialog");
        dialog.open();
    }
}
