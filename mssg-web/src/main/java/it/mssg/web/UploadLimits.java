package it.mssg.web;

import it.mssg.core.api.SettingsApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Oversized uploads fail while the request is read, before any controller is chosen, so only a global advice
 * sees them: the API gets a 413 problem, the import screen says how large a file may be.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    private final SettingsApi settings;
    private final DataSize maxFileSize;

    UploadLimits(SettingsApi settings, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.settings = settings;
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer("The file is too large: mssg takes files up to " + maxFileSize.toMegabytes()
                + " MB. Split it into smaller files.", HttpStatus.PAYLOAD_TOO_LARGE, request, response);
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer("The upload could not be read. Try again.", HttpStatus.BAD_REQUEST, request, response);
    }

    private ModelAndView answer(String message, HttpStatus status, HttpServletRequest request,
                                HttpServletResponse response) throws IOException {
        response.setStatus(status.value());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + ",\"detail\":" + Toasts.json(message) + "}");
            return null;
        }
        ModelAndView page = new ModelAndView(request.getHeader("HX-Request") != null ? "import :: upload" : "import");
        page.setStatus(status);
        page.addObject("error", message);
        page.addObject("regions", settings.regions());
        page.addObject("defaultRegion", settings.get().defaultRegion());
        return page;
    }
}
