package org.rubrica.shared;

/**
 * Input a service refuses. Carries an i18n message key (and the field it concerns, if any) so views and
 * the API show the reason in the person's language.
 */
public class InvalidInputException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final Object[] arguments;

    public InvalidInputException(String messageKey) {
        this(messageKey, null);
    }

    public InvalidInputException(String messageKey, String field, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** Values for the message's placeholders ({0}, {1}…). */
    public Object[] arguments() {
        return arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    /** The input field at fault, or {@code null} when the error concerns the whole request. */
    public String field() {
        return field;
    }
}
