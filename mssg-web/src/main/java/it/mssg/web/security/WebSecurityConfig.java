package it.mssg.web.security;

import it.mssg.web.WebProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.thymeleaf.ITemplateEngine;

import java.nio.file.Path;

/**
 * Security of a localhost app, as DESIGN.md states it: an allowed Host, the access token (cookie for the
 * dashboard, Bearer for the API), CSRF on every state change except Bearer calls (a browser cannot forge
 * that header across sites and we allow no CORS), a strict Content-Security-Policy and no framing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
public class WebSecurityConfig {

    public static final String CSRF_HEADER = "X-CSRF-TOKEN";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Bean
    FilterRegistrationBean<HostAllowListFilter> hostAllowListFilter(WebProperties properties) {
        FilterRegistrationBean<HostAllowListFilter> registration =
                new FilterRegistrationBean<>(new HostAllowListFilter(new HostAllowList(properties.allowedHosts())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessToken accessToken, AccessTokenLocation location,
                                            ITemplateEngine templates) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("mssg_csrf");
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").httpOnly(true));

        http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new AccessTokenFilter(accessToken), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(AccessTokenFilter::hasBearerHeader))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // no HTTP session, and no session management: it would take every token check for a fresh
                // login and rotate the CSRF token on each request, breaking pages that are already open
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new TokenNeededEntryPoint(templates, location.file()))
                        .accessDeniedHandler(new ForbiddenHandler()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Where the token file is, for messages that tell people where to find it. */
    public record AccessTokenLocation(Path file) {
    }
}
