package it.mssg.web.data;

import it.mssg.core.api.DataOwnership;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /healthz}: "ok" while the app serves, 503 "deleted" after delete-everything (so a container
 * restarts into a first run). No token needed, nothing about the user in the answer.
 */
class HealthzFilter extends OncePerRequestFilter {

    static final String PATH = "/healthz";

    private final DataOwnership ownership;

    HealthzFilter(DataOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        boolean deleted = ownership.everythingDeleted();
        response.setStatus(deleted ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write((deleted ? "deleted\n" : "ok\n").getBytes(StandardCharsets.UTF_8));
    }
}
