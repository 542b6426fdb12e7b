package it.mssg.web;

import it.mssg.core.api.SessionControl;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.api.SettingsApi;
import it.mssg.core.api.SettingsView;
import it.mssg.web.layout.LiveUpdates;
import it.mssg.web.security.AccessToken;
import it.mssg.web.security.WebSecurityConfig;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import java.time.Instant;

import static org.mockito.Mockito.when;

/**
 * Base of the {@code @WebMvcTest} slices: the real security chain and layout, a fixed access token,
 * and mocks of what every page needs (session chip, first-run check).
 */
@Import({WebSecurityConfig.class, WebSliceTest.TestBeans.class})
public abstract class WebSliceTest {

    public static final String TOKEN = "test-token-0123456789-abcdefghijklmnopqrstuvwxyz";

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected SessionControl session;

    @MockitoBean
    protected SettingsApi settings;

    @MockitoBean
    protected LiveUpdates liveUpdates;

    @BeforeEach
    void everyPageNeeds() {
        when(session.status()).thenReturn(SessionStatus.stopped(Instant.parse("2026-11-29T18:00:00Z")));
        when(settings.acknowledged()).thenReturn(true);
        when(settings.get()).thenReturn(new SettingsView("IT", null, "1", null, null));
    }

    /** The dashboard's way in: the HttpOnly cookie set by the ?token= link. */
    public static RequestPostProcessor owner() {
        return request -> {
            request.setCookies(new Cookie("mssg_token", TOKEN));
            return request;
        };
    }

    /** The API's way in. */
    public static RequestPostProcessor bearer() {
        return request -> {
            request.addHeader("Authorization", "Bearer " + TOKEN);
            return request;
        };
    }

    @TestConfiguration
    static class TestBeans {

        @Bean
        @Primary
        AccessToken testAccessToken() {
            return new AccessToken(TOKEN);
        }

        @Bean
        @Primary
        WebSecurityConfig.AccessTokenLocation testAccessTokenLocation() {
            return new WebSecurityConfig.AccessTokenLocation(Path.of("/home/someone/.mssg/access-token"));
        }
    }
}
