package it.mssg.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Refuses, before anything else runs, every request whose Host header is not on the allow-list. */
class HostAllowListFilter extends OncePerRequestFilter {

    static final int MISDIRECTED_REQUEST = 421;

    private final HostAllowList allowList;

    HostAllowListFilter(HostAllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            // only HTTP/1.0 clients omit Host; browsers (the DNS-rebinding vector) always send it
            host = request.getServerName();
        }
        if (allowList.allows(host)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(MISDIRECTED_REQUEST);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("mssg only answers on localhost, 127.0.0.1 or [::1]. "
                + "Open the address printed at start, or add this host name to mssg.web.allowed-hosts.\n");
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
