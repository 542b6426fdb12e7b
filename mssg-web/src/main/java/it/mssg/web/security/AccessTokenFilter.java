package it.mssg.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Recognises the owner by the access token: {@code Authorization: Bearer …} (API clients; when the header
 * is present nothing else counts), else the HttpOnly cookie. A dashboard link with {@code ?token=…} sets
 * that cookie and redirects to the same address without the token, so it stays out of history and logs.
 */
class AccessTokenFilter extends OncePerRequestFilter {

    static final String COOKIE_NAME = "mssg_token";
    static final String OWNER = "owner";
    private static final String BEARER = "Bearer ";

    private final AccessToken accessToken;

    AccessTokenFilter(AccessToken accessToken) {
        this.accessToken = accessToken;
    }

    static boolean hasBearerHeader(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fromQuery = tokenFromQuery(request);
        if (fromQuery != null && "GET".equals(request.getMethod()) && accessToken.matches(fromQuery)) {
            redirectWithCookie(request, response);
            return;
        }
        if (presentsValidToken(request)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    OWNER, null, AuthorityUtils.createAuthorityList("ROLE_OWNER")));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private boolean presentsValidToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            return hasBearerHeader(request) && accessToken.matches(header.substring(BEARER.length()).strip());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE_NAME.equals(cookie.getName()) && accessToken.matches(cookie.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void redirectWithCookie(HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE_NAME, accessToken.value())
                .httpOnly(true).sameSite("Strict").path("/").maxAge(Duration.ofDays(400)).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        String target = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("token").build(true).toUriString();
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, target);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The token from the query string only (never from a form body, which would parse uploads early). */
    private static String tokenFromQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
