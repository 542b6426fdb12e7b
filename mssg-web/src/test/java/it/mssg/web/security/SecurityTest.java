package it.mssg.web.security;

import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The security chain around a probe controller: what any screen or endpoint gets. */
@WebMvcTest(controllers = SecurityTest.Probe.class)
@Import(SecurityTest.Probe.class)
class SecurityTest extends WebSliceTest {

    static final AtomicInteger changes = new AtomicInteger();

    @Controller
    static class Probe {

        @GetMapping({"/", "/contacts"})
        String page(Model model) {
            model.addAttribute("title", "Probe");
            model.addAttribute("nav", "home");
            model.addAttribute("what", "secret page content");
            return "coming";
        }

        @PostMapping("/probe")
        @ResponseBody
        String change() {
            changes.incrementAndGet();
            return "changed";
        }

        @GetMapping("/api/probe")
        @ResponseBody
        Map<String, Object> read() {
            return Map.of("secret", "vip");
        }

        @PostMapping("/api/probe")
        ResponseEntity<Map<String, Object>> create() {
            changes.incrementAndGet();
            return ResponseEntity.created(URI.create("/api/probe/2")).body(Map.of("id", 2));
        }
    }

    @BeforeEach
    void reset() {
        changes.set(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io", "[::2]:8080", ""})
    void aForeignHostIsRefusedBeforeAnythingElse(String host) throws Exception {
        mvc.perform(get("/api/probe").header("Host", host).with(bearer()))
                .andExpect(status().is(421))
                .andExpect(content().string(not(containsString("vip"))));
        assertThat(changes).hasValue(0);
        mvc.perform(get("/css/app.css").header("Host", host)).andExpect(status().is(421));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1:51234", "[::1]:8080", "LOCALHOST:80"})
    void localHostsAreServed(String host) throws Exception {
        mvc.perform(get("/api/probe").header("Host", host).with(bearer())).andExpect(status().isOk());
    }

    @Test
    void theDashboardWithoutTokenShowsWhereToFindIt() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("needs its access token")))
                .andExpect(content().string(containsString("/home/someone/.mssg/access-token")));
        mvc.perform(get("/")).andExpect(content().string(not(containsString("secret page content"))));
    }

    @Test
    void theApiWithoutTokenAnswers401ProblemJson() throws Exception {
        mvc.perform(get("/api/probe"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Access token needed"));
    }

    @Test
    void aStateChangeWithoutTokenIsRefused() throws Exception {
        mvc.perform(post("/api/probe").header("Authorization", "Bearer " + TOKEN.replace('0', '1')))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/probe").with(csrf())).andExpect(status().isUnauthorized());
        assertThat(changes).hasValue(0);
    }

    @Test
    void aWrongBearerIsRefusedEvenWithAValidCookie() throws Exception {
        mvc.perform(get("/api/probe").header("Authorization", "Bearer wrong-token-wrong-token-wrong-token-x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/probe").with(owner()).header("Authorization", "Bearer nope"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/probe").header("Authorization", "Basic " + TOKEN)).andExpect(status().isUnauthorized());
    }

    @Test
    void theTokenLinkSetsAStrictHttpOnlyCookieAndDropsTheTokenFromTheAddress() throws Exception {
        mvc.perform(get("/contacts").queryParam("q", "anna").queryParam("token", TOKEN))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/contacts?q=anna"))
                .andExpect(header().stringValues("Set-Cookie", hasItem(allOf(containsString("mssg_token=" + TOKEN),
                        containsString("HttpOnly"), containsString("SameSite=Strict"), containsString("Path=/")))));
        mvc.perform(get("/").queryParam("token", TOKEN))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/"));
    }

    @Test
    void aWrongTokenLinkGetsTheTokenPage() throws Exception {
        mvc.perform(get("/").queryParam("token", "guess"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aStateChangeWithoutCsrfIsRefused() throws Exception {
        mvc.perform(post("/probe").with(owner()).param("name", "new").header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Trigger", containsString("out of date")));
        mvc.perform(post("/probe").with(owner()).with(csrf().useInvalidToken()).param("name", "new"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/probe").with(owner()).contentType("application/json").content("{\"name\":\"new\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(changes).hasValue(0);
    }

    @Test
    void aStateChangeWithCsrfGoesThrough() throws Exception {
        mvc.perform(post("/probe").with(owner()).with(csrf().asHeader()).param("name", "new").header("HX-Request", "true"))
                .andExpect(status().isOk());
        assertThat(changes).hasValue(1);
    }

    @Test
    void bearerCallsNeedNoCsrf() throws Exception {
        mvc.perform(post("/api/probe").with(bearer()).contentType("application/json").content("{\"name\":\"new\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/probe/2"));
        assertThat(changes).hasValue(1);
    }

    @Test
    void everyResponseCarriesTheStrictHeaders() throws Exception {
        mvc.perform(get("/").with(owner()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; "
                        + "form-action 'self'; base-uri 'none'; object-src 'none'"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void noCorsIsOffered() throws Exception {
        mvc.perform(options("/api/probe").header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/api/probe").with(bearer()).header("Origin", "http://evil.example"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyleAndCarryTheCsrfToken() throws Exception {
        MvcResult result = mvc.perform(get("/").with(owner())).andExpect(status().isOk()).andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"/");
        }
        assertThat(count).isEqualTo(3);
        assertThat(html).containsPattern("<meta name=\"csrf-token\" content=\"[^\"]{20,}\">");
        assertThat(html).contains("includeIndicatorStyles");
    }

    @Test
    void staticAssetsNeedNoToken() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx-ext-sse/sse.js")).andExpect(status().isOk());
    }
}
