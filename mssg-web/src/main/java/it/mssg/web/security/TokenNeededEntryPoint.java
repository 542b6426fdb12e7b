package it.mssg.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Without the token: API clients get a 401 problem; people get a page that says where the address is. */
class TokenNeededEntryPoint implements AuthenticationEntryPoint {

    private final ITemplateEngine templates;
    private final Path tokenFile;

    TokenNeededEntryPoint(ITemplateEngine templates, Path tokenFile) {
        this.templates = templates;
        this.tokenFile = tokenFile;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (WebSecurityConfig.isApi(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mssg\"");
            Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Access token needed",
                    "Send the token from " + tokenFile + " as 'Authorization: Bearer <token>'.");
            return;
        }
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("tokenFile", tokenFile.toString());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(templates.process("token-needed", context));
    }
}
