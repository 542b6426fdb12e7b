package it.mssg.web.api;

import it.mssg.core.api.CampaignNeedsLicence;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.licensing.api.Entitlements;
import it.mssg.web.firstrun.TermsNotAccepted;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Every API error is an RFC 9457 problem detail; nothing internal (stack traces, SQL) ever leaves. Covers the
 * REST controllers of {@code /api}: these here and the sending API's.
 */
@RestControllerAdvice(basePackages = {"it.mssg.web.api", "it.mssg.web.sending"})
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        problem.setProperty("kind", e.kind());
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Invalid input");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(CampaignNeedsLicence.class)
    ProblemDetail licenceNeeded(CampaignNeedsLicence e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This campaign would go to "
                + e.recipients() + " people. Without a licence, campaigns reach up to " + Entitlements.FREE_CAMPAIGN_RECIPIENTS
                + "; nothing was queued.");
        problem.setTitle("Licence needed");
        problem.setProperty("recipients", e.recipients());
        problem.setProperty("freeRecipients", Entitlements.FREE_CAMPAIGN_RECIPIENTS);
        return problem;
    }

    @ExceptionHandler(TermsNotAccepted.class)
    ProblemDetail termsNotAccepted(TermsNotAccepted e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Accept the terms of use first:"
                + " open the dashboard once, or POST /api/terms with {\"termsAccepted\": true, \"privacyAccepted\": true,"
                + " \"adult\": true, \"termsVersion\": \"" + e.currentTermsVersion() + "\"} after reading them on the"
                + " dashboard's first page (/welcome).");
        problem.setTitle("Terms not accepted");
        problem.setProperty("termsVersion", e.currentTermsVersion());
        return problem;
    }

    /** Tomcat would not read the parameters (too many, too large a body): the request's fault. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableParameters(InvalidParameterException e) {
        boolean tooLarge = e.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                "The request's parameters cannot be read: more than mssg reads in one request (at most 1,000 fields and"
                        + " 2 MB of form data), or malformed.");
        problem.setTitle("Invalid input");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("API request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong inside mssg; the log has the details.");
        problem.setTitle("Internal error");
        return problem;
    }

    /** A body that cannot be read: say why when a command record refused its content, else keep it generic. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                ProblemDetail problem = invalid(invalid);
                return ResponseEntity.status(problem.getStatus()).body(problem);
            }
        }
        String field = fieldOf(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e, field));
        problem.setTitle("Unreadable body");
        if (field != null) problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Which member of the body could not be read, as a dotted path (fields.city, tagIds[2]), or null. */
    static String fieldOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException je && !je.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference r : je.getPath()) {
                    if (r.getPropertyName() != null) {
                        if (!path.isEmpty()) path.append('.');
                        path.append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        path.append('[').append(r.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    /** What was wrong with the body, in words: which member, and what it should have been. */
    static String unreadable(Throwable e, String field) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && field != null
                    && mismatch.getTargetType() != null) {
                return "“" + field + "” cannot be read as " + expected(mismatch.getTargetType()) + ".";
            }
            if (cause instanceof tools.jackson.core.exc.StreamReadException) {
                return "The request body is not valid JSON.";
            }
        }
        return field != null ? "“" + field + "” cannot be read." : "The request body is not valid JSON for this endpoint.";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a text";
        if (type == java.time.Instant.class) return "a moment with its zone, e.g. 2026-12-01T09:00:00Z";
        if (type == java.time.LocalTime.class) return "a time of day, e.g. 21:00";
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (java.util.Map.class.isAssignableFrom(type)) return "an object of names and values";
        return "a " + type.getSimpleName();
    }
}
