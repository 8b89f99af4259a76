package org.rubrica.signing.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.BoundedUpload;
import org.rubrica.shared.ui.Notices;
import org.rubrica.signing.OwnCredential;
import org.rubrica.signing.SignerCredentials;

/**
 * How a signer signs: with their PIN, or with their own file (a .p12/.pfx, or e.firma's .cer and .key) and its
 * password. The files stay in this page's memory until it closes, and are never stored.
 */
class CredentialChoice extends Div {

    enum Way {
        PIN("signature.with.pin"), FILE("signature.with.file");

        final String label;

        Way(String label) {
            this.label = label;
        }
    }

    private final RadioButtonGroup<Way> way = new RadioButtonGroup<>();
    private final PasswordField pin;
    private final Div fileArea = new Div();
    private final Upload upload;
    private final PasswordField password = new PasswordField();
    private final Span received = new Span();
    /** By kind: "p12", "cer" or "key"; a later file of a kind replaces the earlier one. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    /** @param idPrefix distinguishes the fields of the sign panel ("sign") and of the batch view ("batch") */
    CredentialChoice(String idPrefix) {
        way.setLabel(getTranslation("signature.with"));
        way.setItems(Way.values());
        way.setItemLabelGenerator(w -> getTranslation(w.label));
        way.setValue(Way.PIN);
        way.setId(idPrefix + "-with");

        pin = new PasswordField(getTranslation("signature.pin"));
        pin.setMaxLength(SignerCredentials.PIN_MAX);
        pin.setId(idPrefix + "-pin");

        upload = new Upload(new BoundedUpload(OwnCredential.MAX_FILE_BYTES, this::received));
        upload.setMaxFileSize(OwnCredential.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".p12", ".pfx", ".cer", ".crt", ".key");
        upload.setUploadButton(new Button(getTranslation("signature.file.upload")));
        upload.setDropLabel(new Span(getTranslation("signature.file.help")));
        upload.setId(idPrefix + "-file");
        password.setLabel(getTranslation("signature.file.password"));
        password.setId(idPrefix + "-file-password");
        received.setId(idPrefix + "-file-received");
        fileArea.add(upload, received, password);

        way.addValueChangeListener(e -> show());
        show();
        add(way, pin, fileArea);
        addDetachListener(e -> forget());
    }

    private void show() {
        boolean file = way.getValue() == Way.FILE;
        pin.setVisible(!file);
        fileArea.setVisible(file);
    }

    private void received(String name, byte[] bytes) {
        if (bytes == null) {
            Notices.error(getTranslation("signing.own.too-large", OwnCredential.MAX_FILE_BYTES / 1024));
            return;
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String kind = lower.endsWith(".p12") || lower.endsWith(".pfx") ? "p12"
                : lower.endsWith(".cer") || lower.endsWith(".crt") ? "cer" : lower.endsWith(".key") ? "key" : null;
        if (kind == null) {
            Notices.error(getTranslation("signature.file.unknown"));
            return;
        }
        if (kind.equals("p12")) { // one way or the other, not a mix
            forget("cer");
            forget("key");
        } else {
            forget("p12");
        }
        forget(kind);
        files.put(kind, bytes);
        names.put(kind, name);
        received.setText(getTranslation("signature.file.received", String.join(", ", names.values())));
    }

    boolean usesFile() {
        return way.getValue() == Way.FILE;
    }

    /** The PIN typed, as a copy the caller wipes. */
    char[] pin() {
        return pin.getValue().toCharArray();
    }

    /**
     * The files and password as a credential of their own (the caller wipes it; these files stay for another try).
     *
     * @throws InvalidInputException {@code signing.own.missing} when no .p12, nor a .cer with its .key, was given
     */
    OwnCredential credential() {
        char[] secret = password.getValue().toCharArray();
        if (files.containsKey("p12")) {
            return new OwnCredential.Pkcs12(files.get("p12").clone(), secret);
        }
        if (files.containsKey("cer") && files.containsKey("key")) {
            return new OwnCredential.CertificateAndKey(files.get("cer").clone(), files.get("key").clone(), secret);
        }
        throw new InvalidInputException("signing.own.missing", files.containsKey("cer") ? "key" : "cer");
    }

    /** After each try: the PIN and the password are typed again. */
    void clearSecrets() {
        pin.clear();
        password.clear();
    }

    private void forget(String kind) {
        byte[] bytes = files.remove(kind);
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
        names.remove(kind);
    }

    /** Wipes the files: after signing, and when the page closes. */
    void forget() {
        new java.util.ArrayList<>(files.keySet()).forEach(this::forget);
        received.setText("");
        upload.clearFileList();
        clearSecrets();
    }
}
