package it.mssg.web;

import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors on dashboard screens: a page that says what happened, or a toast for htmx requests. Never a stack trace. */
@ControllerAdvice(basePackages = "it.mssg.web")
@Order(Ordered.LOWEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, 404, "Not found", "This " + e.kind() + " does not exist (any more).");
    }

    @ExceptionHandler({InvalidInputException.class, MethodArgumentTypeMismatchException.class})
    String invalid(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String message = e instanceof InvalidInputException ? e.getMessage() : "The address has a value mssg cannot read.";
        return page(request, response, model, 400, "That did not work", message);
    }

    /** A page closed while its live stream was open: nobody is left to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        log.debug("A live stream's page was closed");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Dashboard request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return page(request, response, model, 500, "Something went wrong",
                "mssg could not finish this. Nothing was half-saved; the log has the details.");
    }

    private static String page(HttpServletRequest request, HttpServletResponse response, Model model, int status,
                               String title, String message) {
        response.setStatus(status);
        if (request.getHeader("HX-Request") != null) {
            Toasts.error(response, message);
            response.setHeader("HX-Reswap", "none");
        }
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("status", status);
        return "problem";
    }
}
