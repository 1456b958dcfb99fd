package org.medhub.hub.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import org.medhub.canonical.validation.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a controller raises, or Spring raises before one is called, as a problem response of the hub's own
 * types: a body that does not read names the field and what it must be; a failure of the hub itself says so without
 * its internals, which go to the log.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (causeOf(e, ApiInputLimits.BodyTooLargeException.class) instanceof ApiInputLimits.BodyTooLargeException tooLarge) {
            return respond(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                    tooLarge.getMessage()));
        }
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", unreadable(e)));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> databaseAway(DataAccessException e) {
        log.warn("A request failed on the database: {}", e.getMostSpecificCause().toString());
        return respond(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "hub-unavailable", "Hub unavailable",
                "the hub's database did not answer; nothing was changed, try again later"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failure(Exception e) {
        log.error("A request failed", e);
        return respond(Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /** Spring's own problems carry {@code about:blank} as their type: the hub's name theirs after the status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setType(java.net.URI.create("urn:medhub:problem:"
                    + (status == null ? "error-" + statusCode.value() : Problems.slug(status))));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** What is wrong with a body that did not read, naming the field where there is one. */
    static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonParseException parse) {
            return "malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ": " + PrintableText.quote(parse.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = field(mapping);
            if (mapping instanceof InvalidFormatException format) {
                return field + " must be " + expected(format.getTargetType()) + "; it was "
                        + PrintableText.quote(String.valueOf(format.getValue()));
            }
            Class<?> target = mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                    ? mismatch.getTargetType() : null;
            return target == null ? field + " cannot be read: " + PrintableText.quote(mapping.getOriginalMessage())
                    : field + " must be " + expected(target);
        }
        if (cause instanceof JsonMappingException mapping && mapping.getOriginalMessage().startsWith("No content")) {
            return "the body is empty; this endpoint takes a JSON object";
        }
        return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "the body is missing; this endpoint takes a JSON object"
                : "the body cannot be read as this endpoint's JSON object";
    }

    private static String field(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(PrintableText.quote(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a time with its zone, as 2026-11-21T09:30:00+08:00";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type == String.class ? "text" : "an object";
    }

    private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable at = e; at != null; at = at.getCause()) {
            if (type.isInstance(at)) {
                return at;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
