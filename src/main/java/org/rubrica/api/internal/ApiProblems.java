package org.rubrica.api.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds the JSON error bodies (RFC 9457 problem details) with a message in the caller's language. */
@Component
public class ApiProblems {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(HttpStatus status, String messageKey, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(messageKey, arguments, messageKey, locale));
        problem.setProperty("code", messageKey);
        return problem;
    }

    /** For filters and security handlers, which answer before Spring MVC's exception handling. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        // Spanish unless the caller asks otherwise (the servlet default would be the server's locale)
        Locale locale = request.getHeader("Accept-Language") == null ? SPANISH : request.getLocale();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem(status, messageKey, locale));
    }
}
