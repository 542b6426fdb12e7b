package it.mssg.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A refused state change (usually a missing or stale CSRF token) says so plainly, as JSON for the API. */
class ForbiddenHandler implements AccessDeniedHandler {

    static final String STALE_PAGE = "This page is out of date or the request did not come from mssg. Reload the page and try again.";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String detail = denied instanceof CsrfException ? STALE_PAGE : "You may not do this.";
        if (WebSecurityConfig.isApi(request)) {
            Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Trigger", "{\"toast\":{\"level\":\"error\",\"message\":" + Problems.json(detail) + "}}");
        }
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write(detail + "\n");
    }
}
