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
 * Once everything was deleted, every page and API call gets the same answer: 503 with "restart mssg to
 * begin again" (static HTML, no template or database behind it). Stylesheets still load.
 */
class EverythingDeletedFilter extends OncePerRequestFilter {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Everything was deleted · mssg</title><link rel="stylesheet" href="/css/app.css"></head>
            <body><main id="main" class="card" style="max-width:40rem;margin:4rem auto">
            <h1>Everything was deleted</h1>
            <p>The database, the WhatsApp browser profile, the access token, the backups and the logs are gone.</p>
            <p><strong>Restart mssg to begin again</strong>: it starts with an empty database and prints a new access link.</p>
            </main></body></html>
            """;

    private final DataOwnership ownership;

    EverythingDeletedFilter(DataOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/img/") || path.equals(HealthzFilter.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ownership.everythingDeleted()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"title\":\"Everything was deleted\",\"status\":503,"
                    + "\"detail\":\"Restart mssg to begin again.\"}").getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }
}
