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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this endpoint.");
        problem.setTitle("Unreadable body");
        return ResponseEntity.badRequest().body(problem);
    }
}
