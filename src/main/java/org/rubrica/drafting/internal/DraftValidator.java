package org.rubrica.drafting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.DraftContent;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.FieldType;
import org.rubrica.templates.RichText;
import org.rubrica.templates.TemplateVersion;
import org.springframework.stereotype.Component;

/** Checks a draft's content against the oficio's rules and its template's field schema; returns it cleaned. */
@Component
public class DraftValidator {

    public static final int BODY_MAX = 100_000;

    private static final long PATTERN_TIMEOUT_MILLIS = 100;

    private final Directory directory;

    DraftValidator(Directory directory) {
        this.directory = directory;
    }

    public DraftContent clean(DraftContent content, TemplateVersion template, long senderUnitId) {
        if (content.recipientUnitId() == null) {
            throw new InvalidInputException("validation.required", "recipient");
        }
        Unit recipient;
        try {
            recipient = directory.unit(content.recipientUnitId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("oficio.recipient.unknown", "recipient");
        }
        if (!recipient.active()) {
            throw new InvalidInputException("oficio.recipient.unknown", "recipient");
        }
        if (recipient.id() == senderUnitId) {
            throw new InvalidInputException("oficio.recipient.same-unit", "recipient");
        }
        String subject = content.subject() == null ? "" : content.subject().strip();
        if (subject.isEmpty()) {
            throw new InvalidInputException("validation.required", "subject");
        }
        if (subject.length() > DraftContent.SUBJECT_MAX_LENGTH) {
            throw new InvalidInputException("validation.too-long", "subject");
        }
        String body = content.bodyHtml() == null ? "" : content.bodyHtml();
        if (body.length() > BODY_MAX) {
            throw new InvalidInputException("validation.too-long", "body");
        }
        body = RichText.sanitize(body);
        if (RichText.toPlainText(body).isBlank()) {
            throw new InvalidInputException("validation.required", "body");
        }
        return new DraftContent(recipient.id(), subject, body, cleanFields(content.fields(), template));
    }

    private Map<String, String> cleanFields(Map<String, String> values, TemplateVersion template) {
        Map<String, String> cleaned = new HashMap<>();
        for (FieldDefinition field : template.fields()) {
            String value = values.getOrDefault(field.name(), "").strip();
            if (value.isEmpty()) {
                if (field.required()) {
                    throw new InvalidInputException("validation.required", field.name());
                }
                continue;
            }
            if (field.maxLength() != null && value.length() > field.maxLength()) {
                throw new InvalidInputException("validation.too-long", field.name());
            }
            if (!hasTypeFormat(field, value)) {
                throw new InvalidInputException(field.type() == FieldType.DATE ? "validation.date" : "validation.number",
                        field.name());
            }
            checkChosen(field, value);
            if (field.pattern() != null && !field.pattern().isBlank() && !matches(field.pattern(), value)) {
                throw new InvalidInputException("validation.pattern", field.name());
            }
            cleaned.put(field.name(), value);
        }
        return cleaned; // values for fields the template does not define are dropped
    }

    /** Choices, people and units print as names, and must be one the list or the directory offers. */
    private void checkChosen(FieldDefinition field, String value) {
        switch (field.type()) {
            case CHOICE -> {
                if (!field.choices().contains(value)) {
                    throw new InvalidInputException("validation.choice", field.name());
                }
            }
            case PERSON -> {
                if (directory.people().stream().noneMatch(p -> p.active() && p.fullName().equals(value))) {
                    throw new InvalidInputException("validation.person", field.name());
                }
            }
            case UNIT -> {
                if (directory.activeUnits().stream().noneMatch(u -> u.name().equals(value))) {
                    throw new InvalidInputException("validation.unit", field.name());
                }
            }
            default -> {
            }
        }
    }

    /** Dates travel as ISO dates (2026-11-22) so templates can print them in words; numbers as numbers. */
    private static boolean hasTypeFormat(FieldDefinition field, String value) {
        try {
            switch (field.type()) {
                case DATE -> LocalDate.parse(value);
                case NUMBER -> new BigDecimal(value);
                default -> {
                }
            }
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    /** A pattern that takes too long on the value counts as not matching: the drafter sees it at the field. */
    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(TimeBoundedText.of(value, PATTERN_TIMEOUT_MILLIS)).matches();
        } catch (PatternSyntaxException e) {
            return true; // a broken pattern is the template's fault, not the drafter's
        } catch (TimeBoundedText.TooSlow e) {
            return false;
        }
    }
}
