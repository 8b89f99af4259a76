package org.rubrica.drafting.ui;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;

import org.rubrica.shared.ui.Formats;

/**
 * The oficio body editor: the {@code <rubrica-rich-text>} web component (TipTap, in
 * {@code frontend/components/rubrica-rich-text.ts}) as a field whose value is the body's HTML, limited in
 * the browser to the subset {@link org.rubrica.templates.RichText#sanitize} keeps on the server (which
 * remains the guard). The browser sends the text 500 ms after typing stops and at once when the editor
 * loses focus.
 * <p>
 * Against lost text: while there are unsaved edits the browser warns before leaving the page, and with a
 * {@linkplain #setStorageKey storage key} it keeps a copy in its local storage; on the next load a copy that
 * differs from the value given here is reported by a {@link BackupFoundEvent}. Call {@link #markSaved()}
 * after a successful save.
 * <p>
 * Toolbar texts come from the {@code editor.*} translation keys in the UI's locale.
 */
@Tag("rubrica-rich-text")
@NpmPackage(value = "@tiptap/core", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/pm", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/starter-kit", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/extension-underline", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/extension-link", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/extension-table", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/extension-table-row", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/extension-table-cell", version = RichTextEditor.TIPTAP_VERSION)
@NpmPackage(value = "@tiptap/extension-table-header", version = RichTextEditor.TIPTAP_VERSION)
@JsModule("./components/rubrica-rich-text.ts")
public class RichTextEditor extends AbstractSinglePropertyField<RichTextEditor, String>
        implements HasSize, HasLabel, HasHelper, HasValidation, Focusable<RichTextEditor> {

    /** All TipTap packages move together (MIT licensed). */
    static final String TIPTAP_VERSION = "3.35.0";

    /** Toolbar and link form texts: the web component's i18n key and its translation key. */
    private static final List<String> I18N_KEYS = List.of("toolbar", "bold", "italic", "underline", "heading2",
            "heading3", "bulletList", "orderedList", "link", "table", "addRow", "addColumn", "deleteRow",
            "deleteColumn", "deleteTable", "undo", "redo", "linkAddress", "linkApply", "linkRemove", "linkCancel",
            "linkInvalid", "required");

    private String storageKey;

    public RichTextEditor() {
        super("value", "", false);
        // keeps the server's idea of "dirty" current (the browser changes it as the person types)
        getElement().addPropertyChangeListener("dirty", "dirty-changed", event -> { });
    }

    public RichTextEditor(String label) {
        this();
        setLabel(label);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Map<String, String> i18n = new LinkedHashMap<>();
        for (String key : I18N_KEYS) {
            i18n.put(key, getTranslation("editor." + key));
        }
        getElement().setPropertyMap("i18n", i18n);
    }

    /** {@code null} is taken as an empty body. */
    @Override
    public void setValue(String value) {
        super.setValue(Objects.requireNonNullElse(value, ""));
    }

    /**
     * Where the browser keeps its copy of unsaved text (its local storage, per browser profile). Make it
     * specific to the person and the document, e.g. {@code "oficio-body.<person>.<oficio id or new>"};
     * {@code null} keeps no copy.
     */
    public void setStorageKey(String storageKey) {
        this.storageKey = storageKey;
        if (storageKey == null) {
            getElement().removeAttribute("storage-key");
        } else {
            getElement().setAttribute("storage-key", storageKey);
        }
    }

    public String getStorageKey() {
        return storageKey;
    }

    /** Whether the browser holds edits not yet marked saved. */
    public boolean isDirty() {
        return getElement().getProperty("dirty", false);
    }

    /**
     * The current value was saved: the browser stops warning before unload and forgets its copy, unless the
     * person typed more meanwhile. Works also when the editor is detached in the same round trip (e.g. by
     * navigating to the saved document).
     */
    public void markSaved() {
        String saved = getValue();
        getElement().callJsFunction("markSaved", saved);
        if (storageKey != null) {
            getUI().ifPresent(ui -> ui.getPage().executeJs(
                    "const editor = customElements.get('rubrica-rich-text'); if (editor) editor.forgetBackup($0, $1);",
                    storageKey, saved));
        }
    }

    /**
     * Puts a copy found by the browser back as the value; it counts as unsaved until {@link #markSaved()}.
     */
    public void restore(String html) {
        setValue(html);
        getElement().setProperty("dirty", true);
    }

    /** Throws away the browser's copy under the storage key. */
    public void discardBackup() {
        if (storageKey != null) {
            getUI().ifPresent(ui -> ui.getPage().executeJs(
                    "const editor = customElements.get('rubrica-rich-text'); if (editor) editor.discardBackup($0);",
                    storageKey));
        }
    }

    public Registration addBackupFoundListener(ComponentEventListener<BackupFoundEvent> listener) {
        return addListener(BackupFoundEvent.class, listener);
    }

    /**
     * When the browser reports unsaved text, offers it in a notice: restore it into the editor, or discard
     * the browser's copy. Ignoring the notice keeps the copy until the person types in the editor, whose
     * own unsaved text then takes its place.
     */
    public Registration offerToRestoreBackups() {
        return addBackupFoundListener(event -> {
            var notice = new Notification();
            notice.setPosition(Notification.Position.TOP_CENTER);
            notice.setDuration(0);
            notice.addClassName("rich-text-backup");
            var text = new Span(getTranslation("editor.backup.found", Formats.dateTime(event.getSavedAt(), getLocale())));
            var restore = new Button(getTranslation("editor.backup.restore"), click -> {
                restore(event.getHtml());
                notice.close();
            });
            restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            restore.setId("restore-backup");
            var discard = new Button(getTranslation("editor.backup.discard"), click -> {
                discardBackup();
                notice.close();
            });
            discard.setId("discard-backup");
            var content = new HorizontalLayout(text, restore, discard);
            content.setAlignItems(FlexComponent.Alignment.CENTER);
            content.setFlexGrow(1, text);
            content.setWidth("min(40em, calc(100vw - 4em))");
            notice.add(content);
            notice.open();
        });
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        getElement().setProperty("errorMessage", errorMessage == null ? "" : errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return getElement().getProperty("errorMessage");
    }

    @Override
    public void setInvalid(boolean invalid) {
        getElement().setProperty("invalid", invalid);
    }

    @Override
    public boolean isInvalid() {
        return getElement().getProperty("invalid", false);
    }

    /** The browser holds unsaved text for this editor's storage key that differs from the value it was given. */
    @DomEvent("backup-found")
    public static class BackupFoundEvent extends ComponentEvent<RichTextEditor> {

        private final String html;
        private final Instant savedAt;

        public BackupFoundEvent(RichTextEditor source, boolean fromClient,
                                @EventData("event.detail.html") String html,
                                @EventData("event.detail.savedAt") double savedAt) {
            super(source, fromClient);
            this.html = html == null ? "" : html;
            this.savedAt = Instant.ofEpochMilli((long) savedAt);
        }

        /** The unsaved text as the editor produced it; the server sanitises it like any other value. */
        public String getHtml() {
            return html;
        }

        /** When the browser last wrote its copy (the browser's clock). */
        public Instant getSavedAt() {
            return savedAt;
        }
    }
}
