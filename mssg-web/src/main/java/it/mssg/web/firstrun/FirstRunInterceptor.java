package it.mssg.web.firstrun;

import it.mssg.core.api.SettingsApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Until the terms, the privacy promise and the 18+ box are accepted, every screen leads to the first-run page, and the
 * REST API answers 403 ({@link TermsNotAccepted}) except for {@code /api/terms}, where a script can accept them, and
 * the OpenAPI document.
 */
public class FirstRunInterceptor implements HandlerInterceptor {

    public static final String[] PATHS = {"/**"};
    public static final String[] EXCLUDED = {"/welcome", "/api/terms", "/api/openapi.json", "/events", "/whatsapp/stream", "/error", "/css/**", "/js/**",
            "/img/**", "/webjars/**", "/favicon.ico"};

    private final SettingsApi settings;
    /** Read from the settings on every screen until true; an acceptance is never taken back while the app runs. */
    private volatile boolean acknowledged;

    public FirstRunInterceptor(SettingsApi settings) {
        this.settings = settings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (acknowledged || (acknowledged = settings.acknowledged())) {
            return true;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw new TermsNotAccepted(settings.get().currentTermsVersion());
        }
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", "/welcome");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect("/welcome");
        }
        return false;
    }
}
