package org.rubrica.verification.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.BoundedUpload;
import org.rubrica.shared.ui.Formats;
import org.rubrica.verification.Verification;

/**
 * The public verification page, without login: {@code /verificar/<code>} (where the printed QR leads) shows the
 * registration of the oficio with that code; a code can be typed; a PDF can be uploaded for DSS's verdict and a
 * byte-for-byte comparison with the registered document.
 */
@Route(value = "verificar", autoLayout = false)
@AnonymousAllowed
public class VerificationView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** The built-in kinds have names in both languages; an administrator's own kind shows as it is written. */
    private static final java.util.Set<String> KNOWN_KINDS = java.util.Set.of("OFICIO", "MEMORANDUM", "CIRCULAR",
            "RESPUESTA", "ACUSE");

    private final Verification verification;
    private final TextField code = new TextField();
    private final Div result = new Div();

    VerificationView(Verification verification) {
        this.verification = verification;
        addClassName("verification-page");
        setMaxWidth("52rem");
        getStyle().set("margin", "0 auto");

        code.setLabel(getTranslation("verification.code"));
        code.setPlaceholder("XXXX-XXXX-XXXX");
        code.setMaxLength(40);
        code.setId("verification-code");
        Button check = new Button(getTranslation("verification.check"), e -> lookUp(code.getValue()));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        check.setId("verification-check");
        var byCode = new HorizontalLayout(code, check);
        byCode.setAlignItems(Alignment.BASELINE);

        result.setId("verification-result");
        result.setWidthFull();
        add(new H1(getTranslation("verification.title")), new Paragraph(getTranslation("verification.intro")),
                byCode, new H2(getTranslation("verification.by-upload")),
                new Paragraph(getTranslation("verification.upload-intro")), upload(), result);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            code.setValue(parameter);
            lookUp(parameter);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verification.title");
    }

    private void lookUp(String typed) {
        result.removeAll();
        try {
            Optional<Verification.Registered> found = verification.byCode(typed, client());
            result.add(found.map(this::registration).orElseGet(() -> notice("verification.not-found", "error")));
        } catch (InvalidInputException e) {
            result.add(notice(e.messageKey(), "error", e.arguments()));
        }
    }

    private Upload upload() {
        int maxMb = Verification.MAX_UPLOAD_BYTES / (1024 * 1024);
        Upload upload = new Upload(new BoundedUpload(Verification.MAX_UPLOAD_BYTES, (fileName, bytes) -> {
            result.removeAll();
            if (bytes == null) {
                result.add(notice("verification.upload.too-large", "error", maxMb));
                return;
            }
            try {
                result.add(uploadCheck(verification.check(bytes, client())));
            } catch (InvalidInputException e) {
                result.add(notice(e.messageKey(), "error", e.arguments()));
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Verification.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setUploadButton(new Button(getTranslation("verification.upload")));
        upload.setId("verification-upload");
        var i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("verification.upload.too-large", maxMb))
                .setIncorrectFileType(getTranslation("verification.upload.not-pdf"))
                .setTooManyFiles(getTranslation("verification.upload.one")));
        upload.setI18n(i18n);
        return upload;
    }

    private Component uploadCheck(Verification.UploadCheck check) {
        Div box = new Div();
        box.addClassName("verification-upload-result");
        String tone = switch (check.verdict()) {
            case VALID -> "success";
            case INDETERMINATE -> "warning";
            case INVALID, UNSIGNED -> "error";
        };
        box.add(notice("verification.verdict." + check.verdict().name(), tone));
        for (Verification.Finding f : check.findings()) {
            String line = getTranslation("verification.finding", f.signedBy(),
                    getTranslation("verification.indication." + f.indication()));
            Paragraph p = new Paragraph(f.reasonKey() == null ? line
                    : line + " " + getTranslation(f.reasonKey(), f.subIndication()));
            p.addClassName("verification-finding");
            box.add(p);
        }
        if (check.exactCopy()) {
            box.add(notice(check.latest() ? "verification.copy.exact" : "verification.copy.earlier",
                    check.latest() ? "success" : "warning"));
        } else {
            box.add(notice("verification.copy.none", check.verdict() == Verification.Verdict.UNSIGNED ? "error" : "warning"));
        }
        box.add(new Paragraph(getTranslation("verification.sha256", check.sha256())));
        check.registered().ifPresent(r -> box.add(registration(r)));
        return box;
    }

    private Component registration(Verification.Registered r) {
        Div box = new Div();
        box.addClassName("verification-registration");
        if (r.annulled()) {
            box.add(notice("verification.annulled", "error", Formats.dateTime(r.annulledAt(), getLocale()),
                    r.annulmentReason()));
        } else {
            box.add(notice(r.complete() ? "verification.registered" : "verification.registered.partial",
                    r.complete() ? "success" : "warning"));
        }
        box.add(fact("verification.number", r.number()),
                fact("verification.kind", KNOWN_KINDS.contains(r.kind()) ? getTranslation("verification.kind." + r.kind())
                        : r.kind()),
                fact("verification.sender", r.senderUnitName() + " · " + r.agencyName()),
                fact("verification.institution", r.institutionName()),
                fact("verification.signed-at", Formats.dateTime(r.signedAt(), getLocale())),
                fact("verification.code", r.code()));
        box.add(new H2(getTranslation("verification.signers")));
        for (Verification.Signer s : r.signers()) {
            String who = s.standingInFor() != null ? getTranslation("verification.signer.for", s.name(), s.standingInFor())
                    : s.cargo() == null || s.cargo().isBlank() ? s.name() : s.name() + ", " + s.cargo();
            Paragraph p = new Paragraph(getTranslation("verification.signer", who,
                    Formats.dateTime(s.signedAt(), getLocale()), s.certificateSerial() == null ? "—" : s.certificateSerial()));
            p.addClassName("verification-signer");
            box.add(p);
        }
        box.add(fact("verification.sha256-registered", r.sha256()));
        return box;
    }

    private Component fact(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey) + ": ");
        label.getStyle().set("font-weight", "600");
        var line = new Paragraph(label, new Span(value == null ? "—" : value));
        line.getStyle().set("margin", "0.2em 0").set("overflow-wrap", "anywhere");
        return line;
    }

    private Component notice(String key, String tone, Object... arguments) {
        Paragraph p = new Paragraph(getTranslation(key, arguments));
        p.addClassNames("verification-notice", "verification-" + tone);
        p.getElement().setAttribute("theme", "badge " + tone);
        p.getStyle().set("padding", "0.6em 0.8em").set("white-space", "normal").set("display", "block");
        return p;
    }

    /** The client's address, for the rate limit. */
    private static String client() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }
}
