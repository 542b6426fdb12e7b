package it.mssg.web;

import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Errors on dashboard screens: a page that says what happened, or a toast for htmx requests. Never a stack trace. */
@ControllerAdvice(basePackages = "it.mssg.web")
@Order(Ordered.LOWEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return page(request, response, HttpStatus.NOT_FOUND, "Not found", "This " + e.kind() + " does not exist (any more).");
    }

    @ExceptionHandler({InvalidInputException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView invalid(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = e instanceof InvalidInputException ? e.getMessage() : "The address has a value mssg cannot read.";
        return page(request, response, HttpStatus.BAD_REQUEST, "That did not work", message);
    }

    /** A page closed while its live stream was open: nobody is left to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        log.debug("A live stream's page was closed");
    }

    /**
     * A live stream reached its time limit (an hour; the page's EventSource opens a new one by itself). Routine, so
     * not an ERROR with a stack trace in the user's log for every open tab, every hour.
     */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    void streamTimedOut(HttpServletRequest request) {
        log.debug("A live stream reached its time limit: {}", request.getRequestURI());
    }

    /** A form Tomcat would not read (too many fields, too large a body): the request's fault, said as such. */
    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView unreadableForm(InvalidParameterException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        // Tomcat says 413 for too large a body, 400 for too many fields or a malformed one; the words cover all three
        HttpStatus status = e.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value() ? HttpStatus.PAYLOAD_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        return page(request, response, status, "That did not work", "mssg could not read this form: it is more than mssg"
                + " reads in one request (at most 1,000 fields and 2 MB of text), or malformed. Send less at a time.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            // Spring's own refusals (a missing form field, a method the address does not take): not a fault of ours
            log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return page(request, response, HttpStatus.valueOf(refused.getStatusCode().value()), "That did not work",
                    e instanceof MissingServletRequestParameterException missing
                            ? "The form is missing its field " + missing.getParameterName() + "."
                            : "mssg could not read this request.");
        }
        log.error("Dashboard request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return page(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "mssg could not finish this. Nothing was half-saved; the log has the details.");
    }

    private static ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                     String title, String message) throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            // an endpoint of another web package without its own advice still answers in problem details
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + Toasts.json(title) + ",\"status\":"
                    + status.value() + ",\"detail\":" + Toasts.json(message) + "}");
            return null;
        }
        if (request.getHeader("HX-Request") != null) {
            Toasts.error(response, message);
            response.setHeader("HX-Reswap", "none");
        }
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("status", status.value());
        return page;
    }
}
