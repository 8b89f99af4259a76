package org.rubrica.api.internal;

import java.util.Locale;

import org.rubrica.directory.LoginFailedException;
import org.rubrica.drafting.IllegalTransitionException;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API failure answers 4xx with a JSON problem in the caller's language; only real faults are 500. */
/*
 * Not limited to the API package: some failures (no such path, unsupported media type) happen before a
 * controller is chosen. The API is the only Spring MVC surface; Vaadin has its own servlet.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(org.rubrica.shared.TooManyRequestsException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooMany(org.rubrica.shared.TooManyRequestsException e,
                                                                   Locale locale) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problems.problem(HttpStatus.TOO_MANY_REQUESTS, e.messageKey(), locale, e.arguments()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, e.messageKey(), locale, e.arguments());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(LoginFailedException.class)
    ProblemDetail loginFailed(LoginFailedException e, Locale locale) {
        return e.reason() == LoginFailedException.Reason.LOCKED
                ? problems.problem(HttpStatus.UNAUTHORIZED, "api.error.locked", locale)
                : problems.problem(HttpStatus.UNAUTHORIZED, "api.error.bad-credentials", locale);
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ProblemDetail notFound(Exception e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "api.error.not-found", locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, Locale locale) {
        return problems.problem(HttpStatus.FORBIDDEN, "api.error.forbidden", locale);
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ProblemDetail unauthenticated(Exception e, Locale locale) {
        return problems.problem(HttpStatus.UNAUTHORIZED, "api.error.unauthorized", locale);
    }

    @ExceptionHandler({IllegalTransitionException.class, StaleDraftException.class})
    ProblemDetail conflict(RuntimeException e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "api.error.conflict", locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail malformed(HttpMessageNotReadableException e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "api.error.malformed", locale);
    }

    /** A query parameter of the wrong type, such as an unknown order or step kind: named in the message. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "api.error.bad-parameter", locale, e.getName());
    }

    /** A required part or parameter left out (a credential upload without its file, say): named in the message. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "api.error.missing-parameter", locale, e.getRequestPartName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "api.error.missing-parameter", locale, e.getParameterName());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(Exception e, Locale locale) {
        return problems.problem(HttpStatus.CONTENT_TOO_LARGE, "api.error.too-large", locale);
    }

    /** A multipart body that cannot be parsed. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(Exception e, Locale locale) {
        return problems.problem(HttpStatus.BAD_REQUEST, "api.error.bad-request", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(Exception e, Locale locale) {
        return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.error.unsupported-media", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(Exception e, Locale locale) {
        return problems.problem(HttpStatus.NOT_ACCEPTABLE, "api.error.bad-request", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(Exception e, Locale locale) {
        return problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "api.error.method", locale);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, Locale locale) {
        log.error("Unexpected API failure", e);
        return problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.error.bad-request", locale);
    }
}
