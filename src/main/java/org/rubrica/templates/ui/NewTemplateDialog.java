package org.rubrica.templates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.templates.TemplateAdministration;

/** Names a new template; on success the editor opens on its first draft. */
class NewTemplateDialog extends Dialog {

    private final TextField code = field("template.create.code", "template.create.code.help");
    private final TextField kind = field("template.create.kind", "template.create.kind.help");
    private final TextField nameEs = field("template.create.name-es", null);
    private final TextField nameEn = field("template.create.name-en", null);
    private final FieldErrors errors = new FieldErrors();

    NewTemplateDialog(TemplateAdministration administration) {
        setHeaderTitle(getTranslation("template.create"));
        errors.bind("code", code).bind("kind", kind).bind("nameEs", nameEs).bind("nameEn", nameEn);
        var create = new Button(getTranslation("template.create"), e -> {
            try {
                errors.clear();
                administration.create(code.getValue().strip(), kind.getValue().strip(), nameEs.getValue(),
                        nameEn.getValue());
                close();
                getUI().ifPresent(ui -> ui.navigate("admin/plantillas/" + code.getValue().strip()));
            } catch (InvalidInputException ex) {
                errors.show(ex, this);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("template-create");
        add(new Paragraph(getTranslation("template.create.help")), new FormLayout(code, kind, nameEs, nameEn));
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }

    private static TextField field(String label, String help) {
        TextField field = new TextField();
        field.setLabel(field.getTranslation(label));
        if (help != null) {
            field.setHelperText(field.getTranslation(help));
        }
        return field;
    }
}
