package org.rubrica.templates.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;
import org.rubrica.shared.ui.PdfPages;
import org.rubrica.templates.AssetInfo;
import org.rubrica.templates.BaseFormatAdministration;
import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.BaseFormatState;
import org.rubrica.templates.DocumentRenderer;
import org.rubrica.templates.PageSize;
import org.rubrica.templates.TemplateAssets;
import org.rubrica.templates.Typeface;

/**
 * The single format: its settings on the left, a sample oficio on the right that follows every change, and
 * the images the letterhead and templates may print below.
 */
@Route("admin/formato")
@Menu(order = 13, title = "menu.base-format", icon = "vaadin:file-picture")
@RolesAllowed("TEMPLATE_ADMIN")
class BaseFormatView extends VerticalLayout implements HasDynamicTitle {

    private static final String NO_LOGO = "";

    private final BaseFormatAdministration administration;
    private final DocumentRenderer renderer;
    private final Select<PageSize> pageSize = new Select<>();
    private final IntegerField marginTop = mm("format.margin-top");
    private final IntegerField marginRight = mm("format.margin-right");
    private final IntegerField marginBottom = mm("format.margin-bottom");
    private final IntegerField marginLeft = mm("format.margin-left");
    private final Select<Typeface> typeface = new Select<>();
    private final BigDecimalField fontSize = new BigDecimalField(getTranslation("format.font-size"));
    private final TextField primaryColor = colour("format.primary-colour");
    private final TextField accentColor = colour("format.accent-colour");
    private final Select<String> logo = new Select<>();
    private final TextField headerText = new TextField(getTranslation("format.header-text"));
    private final TextField footerText = new TextField(getTranslation("format.footer-text"));
    private final IntegerField signatureSpace = mm("format.signature-space");
    private final Checkbox verification = new Checkbox(getTranslation("format.verification"));
    private final Span state = new Span();
    private final PdfPages preview = new PdfPages();
    private final FieldErrors errors = new FieldErrors();

    BaseFormatView(BaseFormatAdministration administration, TemplateAssets assets, DocumentRenderer renderer) {
        this.administration = administration;
        this.renderer = renderer;
        addClassName("base-format");
        pageSize.setLabel(getTranslation("format.page-size"));
        pageSize.setItems(PageSize.values());
        pageSize.setItemLabelGenerator(p -> getTranslation("format.page-size." + p));
        typeface.setLabel(getTranslation("format.typeface"));
        typeface.setItems(Typeface.values());
        typeface.setItemLabelGenerator(t -> getTranslation("format.typeface." + t));
        logo.setLabel(getTranslation("format.logo"));
        logo.setItemLabelGenerator(name -> name.isEmpty() ? getTranslation("format.logo.none") : name);
        headerText.setHelperText(getTranslation("format.header-text.help"));
        footerText.setHelperText(getTranslation("format.footer-text.help"));
        headerText.setMaxLength(BaseFormatSettings.TEXT_MAX);
        footerText.setMaxLength(BaseFormatSettings.TEXT_MAX);
        errors.bind("pageSize", pageSize).bind("marginTop", marginTop).bind("marginRight", marginRight)
                .bind("marginBottom", marginBottom).bind("marginLeft", marginLeft).bind("typeface", typeface)
                .bind("fontSize", fontSize).bind("primaryColor", primaryColor).bind("accentColor", accentColor)
                .bind("logo", logo).bind("headerText", headerText).bind("footerText", footerText)
                .bind("signatureSpace", signatureSpace);

        var form = new FormLayout(pageSize, typeface, marginTop, marginBottom, marginLeft, marginRight, fontSize,
                signatureSpace, primaryColor, accentColor, logo, headerText, footerText, verification);
        form.setColspan(logo, 2);
        form.setColspan(headerText, 2);
        form.setColspan(footerText, 2);
        form.setColspan(verification, 2);
        var save = new Button(getTranslation("format.save"), e -> confirmSave());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("format-save");
        var editor = new Div(new Paragraph(getTranslation("format.help")), form, save);
        editor.addClassName("editor-form");
        var split = new FlexLayout(editor, preview);
        split.addClassName("editor-split");
        state.getElement().getThemeList().add("badge");
        // the panel lists the images once and offers them as logos, now and after every upload
        add(new H2(getTranslation("format.title")), state, split,
                new AssetsPanel(assets, this::offerLogos));
        show(administration.current());
        fields().forEach(f -> f.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refreshPreview();
            }
        }));
        refreshPreview();
    }

    private static IntegerField mm(String key) {
        IntegerField field = new IntegerField();
        field.setLabel(field.getTranslation(key));
        field.setStepButtonsVisible(true);
        return field;
    }

    private static TextField colour(String key) {
        TextField field = new TextField();
        field.setLabel(field.getTranslation(key));
        field.setHelperText(field.getTranslation("format.colour.help"));
        field.setMaxLength(7);
        return field;
    }

    private List<HasValue<?, ?>> fields() {
        return List.of(pageSize, marginTop, marginRight, marginBottom, marginLeft, typeface, fontSize, primaryColor,
                accentColor, logo, headerText, footerText, signatureSpace, verification);
    }

    /** The logo list follows uploads made on this page. */
    private void offerLogos(List<AssetInfo> assets) {
        String chosen = logo.getValue();
        List<String> names = new ArrayList<>();
        names.add(NO_LOGO);
        assets.stream().map(AssetInfo::name).forEach(names::add);
        logo.setItems(names);
        logo.setValue(chosen != null && names.contains(chosen) ? chosen : NO_LOGO);
    }

    private void show(BaseFormatState current) {
        BaseFormatSettings s = current.settings();
        pageSize.setValue(s.pageSize());
        marginTop.setValue(s.marginTopMm());
        marginRight.setValue(s.marginRightMm());
        marginBottom.setValue(s.marginBottomMm());
        marginLeft.setValue(s.marginLeftMm());
        typeface.setValue(s.typeface());
        fontSize.setValue(s.fontSizePt());
        primaryColor.setValue(s.primaryColor());
        accentColor.setValue(s.accentColor());
        logo.setValue(s.logoAsset() == null ? NO_LOGO : s.logoAsset());
        headerText.setValue(s.headerText() == null ? "" : s.headerText());
        footerText.setValue(s.footerText() == null ? "" : s.footerText());
        signatureSpace.setValue(s.signatureSpaceMm());
        verification.setValue(s.verificationBlock());
        state.setText(getTranslation("format.state", current.versionNo(), Formats.dateTime(current.since(), getLocale())));
    }

    /** Empty number fields become values the service refuses at the field, not a crash here. */
    private BaseFormatSettings settings() {
        return new BaseFormatSettings(pageSize.getValue(), number(marginTop), number(marginRight),
                number(marginBottom), number(marginLeft), typeface.getValue(), fontSize.getValue(),
                primaryColor.getValue().strip(), accentColor.getValue().strip(),
                NO_LOGO.equals(logo.getValue()) ? null : logo.getValue(), headerText.getValue().strip(),
                footerText.getValue().strip(), number(signatureSpace), verification.getValue());
    }

    private static int number(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private void refreshPreview() {
        try {
            errors.clear();
            byte[] pdf = administration.preview(settings());
            preview.show(pdf, renderer.toPngPages(pdf, 96), getTranslation("format.preview-file"));
        } catch (InvalidInputException e) {
            errors.show(e, this);
        }
    }

    private void confirmSave() {
        var dialog = new ConfirmDialog(getTranslation("format.save.title"), getTranslation("format.save.message"),
                getTranslation("format.save"), e -> save());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void save() {
        try {
            errors.clear();
            BaseFormatState saved = administration.save(settings());
            show(saved);
            Notices.success(getTranslation("format.saved", saved.versionNo()));
        } catch (InvalidInputException e) {
            errors.show(e, this);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.base-format") + " · " + getTranslation("app.name");
    }
}
