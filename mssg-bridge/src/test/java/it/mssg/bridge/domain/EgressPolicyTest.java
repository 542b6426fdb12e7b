package it.mssg.bridge.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressPolicyTest {

    private final EgressPolicy live = EgressPolicy.live();
    private final EgressPolicy simulator = EgressPolicy.withSimulator("http://127.0.0.1:41234/wa/");

    @ParameterizedTest(name = "live: {0} → {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // WhatsApp Web's own hosts
            "https://web.whatsapp.com/                                      | ALLOWED             | -",
            "https://web.whatsapp.com/app.js?v=2.3000                       | ALLOWED             | -",
            "wss://web.whatsapp.com/ws/chat                                 | ALLOWED             | -",
            "https://static.whatsapp.net/rsrc.php/v4/y6/r/x.png             | ALLOWED             | -",
            "https://mmg.whatsapp.net/v/t62.7118-24/123.enc?ccb=11-4         | ALLOWED             | -",
            "https://pps.whatsapp.net/v/t61.24694-24/1.jpg?oh=a&oe=b         | ALLOWED             | -",
            "https://media-fra5-1.cdn.whatsapp.net/v/t62/1.enc               | ALLOWED             | -",
            "https://media.fmxp5-1.fna.whatsapp.net/v/t62/1.enc              | ALLOWED             | -",
            "https://WEB.WhatsApp.COM/                                      | ALLOWED             | -",
            "https://web.whatsapp.com./                                     | ALLOWED             | -",
            "https://web.whatsapp.com:443/                                  | ALLOWED             | -",
            "https://web.whatsapp.com/path{with}^chars\\x                  | ALLOWED             | -",
            "data:image/png;base64,iVBORw0KGgo=                             | ALLOWED             | -",
            "blob:https://web.whatsapp.com/0d2c6e0a-1b2c-4d5e-8f90-123456789abc | ALLOWED         | -",
            // tracking, whatever the scheme or port
            "https://crashlogs.whatsapp.net/wa_clb_data                     | BLOCKED_TRACKING    | CRASH_LOGS",
            "https://CRASHLOGS.whatsapp.net./wa_fls_upload_check             | BLOCKED_TRACKING    | CRASH_LOGS",
            "https://dit.whatsapp.net/deidentified_telemetry                | BLOCKED_TRACKING    | ANALYTICS",
            "https://analytics.google.com/g/collect?v=2&tid=G-XXXX          | BLOCKED_TRACKING    | ANALYTICS",
            "https://www.google-analytics.com/collect                       | BLOCKED_TRACKING    | ANALYTICS",
            "https://region1.google-analytics.com/g/collect                 | BLOCKED_TRACKING    | ANALYTICS",
            "https://www.googletagmanager.com/gtag/js?id=G-XXXX             | BLOCKED_TRACKING    | ANALYTICS",
            "https://stats.g.doubleclick.net/j/collect                      | BLOCKED_TRACKING    | ANALYTICS",
            "https://connect.facebook.net/en_US/fbevents.js                 | BLOCKED_TRACKING    | ANALYTICS",
            "https://graph.facebook.com/v19.0/activities                    | BLOCKED_TRACKING    | ANALYTICS",
            "http://crashlogs.whatsapp.net:8080/x                           | BLOCKED_TRACKING    | CRASH_LOGS",
            // not on the allow-list
            "http://web.whatsapp.com/                                       | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "ws://web.whatsapp.com/ws/chat                                  | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web.whatsapp.com:8443/                                 | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web.whatsapp.com.evil.tld/                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://evilweb.whatsapp.com/                                  | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://evil.tld/?web.whatsapp.com                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://evil.tld/web.whatsapp.com/                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://evil.tld#@web.whatsapp.com/                            | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web.whatsapp.com@evil.tld/                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web.whatsapp.com:443@evil.tld/                         | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://user:pw@web.whatsapp.com@evil.tld/                     | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://whatsapp.com/                                          | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://www.whatsapp.com/legal                                 | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://g.whatsapp.net/                                        | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://media-fra5-1.cdn.whatsapp.net.evil.tld/                | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://evil.cdn.whatsapp.net/                                 | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://xn--wb-3ub.whatsapp.com/                               | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://wеb.whatsapp.com/                                      | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web%2ewhatsapp.com/                                    | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web.whatsapp.com:abc/                                  | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://web.whatsapp.com../                                    | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "https://wppc-linkpreview.cloudtrix.com.br/api                  | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "http://127.0.0.1:8080/api/contacts                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "http://localhost:8080/                                         | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "http://[::1]:8080/                                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "http://127.0.0.1:41234/wa/                                     | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "file:///etc/passwd                                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "javascript:alert(1)                                            | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "not a url                                                      | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
            "''                                                             | BLOCKED_NOT_ALLOWED | NOT_ALLOWED",
    })
    void liveModeAllowsOnlyWhatsApp(String url, EgressPolicy.Verdict verdict, EgressPolicy.Category category) {
        EgressPolicy.Decision decision = live.decide(url);
        assertThat(decision.verdict()).isEqualTo(verdict);
        assertThat(decision.blockedAs()).isEqualTo(category);
    }

    @ParameterizedTest(name = "simulator: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:41234/wa/                    | ALLOWED",
            "http://127.0.0.1:41234/wa/api/events?since=3  | ALLOWED",
            "ws://127.0.0.1:41234/socket                   | ALLOWED",
            "https://web.whatsapp.com/                     | ALLOWED",
            "http://127.0.0.1:41235/wa/                    | BLOCKED_NOT_ALLOWED",
            "http://127.0.0.1/wa/                          | BLOCKED_NOT_ALLOWED",
            "http://127.0.0.1:8080/api/contacts            | BLOCKED_NOT_ALLOWED",
            "https://127.0.0.1:41234/wa/                   | BLOCKED_NOT_ALLOWED",
            "http://localhost:41234/wa/                    | BLOCKED_NOT_ALLOWED",
            "http://127.0.0.2:41234/wa/                    | BLOCKED_NOT_ALLOWED",
            "http://127.0.0.1.evil.tld:41234/              | BLOCKED_NOT_ALLOWED",
            "http://127.0.0.1:41234@evil.tld/              | BLOCKED_NOT_ALLOWED",
            "http://evil.tld/?http://127.0.0.1:41234/      | BLOCKED_NOT_ALLOWED",
            "https://crashlogs.whatsapp.net/wa_clb_data    | BLOCKED_TRACKING",
            "https://analytics.google.com/g/collect        | BLOCKED_TRACKING",
    })
    void simulatorModeAddsExactlyTheSimulatorsOrigin(String url, EgressPolicy.Verdict verdict) {
        assertThat(simulator.decide(url).verdict()).isEqualTo(verdict);
    }

    @Test
    void decisionsNameTheHostOnlyNeverThePathOrQuery() {
        EgressPolicy.Decision decision = live.decide("https://Analytics.Google.com/g/collect?uid=393330000001&dl=secret");
        assertThat(decision.host()).isEqualTo("analytics.google.com");
        assertThat(decision.toString()).doesNotContain("393330000001").doesNotContain("secret");
        assertThat(live.decide("https://web.whatsapp.com@evil.tld/").host()).isEqualTo("evil.tld");
    }

    @Test
    void theSimulatorOriginMustBeLoopback() {
        assertThatThrownBy(() -> EgressPolicy.withSimulator("http://evil.tld:80/wa/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EgressPolicy.withSimulator("http://localhost:8080/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.simulatorOrigin()).contains("http://127.0.0.1:41234");
    }

    @ParameterizedTest(name = "fast path: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "https://web.whatsapp.com/                          | true",
            "wss://web.whatsapp.com/ws/chat                     | true",
            "https://static.whatsapp.net/rsrc.php/v4/x.js       | true",
            "https://media-fra5-1.cdn.whatsapp.net/v/t62/1.enc  | true",
            "https://media.fmxp5-1.fna.whatsapp.net/v/1.enc     | true",
            "http://127.0.0.1:41234/wa/api/events?since=1       | true",
            "ws://127.0.0.1:41234/socket                        | true",
            "data:text/plain,hi                                 | true",
            "blob:https://web.whatsapp.com/0d2c6e0a             | true",
            "https://web.whatsapp.com                           | false",
            "https://web.whatsapp.com./                         | false",
            "https://web.whatsapp.com:443/                      | false",
            "https://web.whatsapp.com.evil.tld/                 | false",
            "https://web.whatsapp.com@evil.tld/                 | false",
            "https://webxwhatsapp.com/                          | false",
            "http://web.whatsapp.com/                           | false",
            "https://crashlogs.whatsapp.net/wa_clb_data         | false",
            "https://media-x.cdn.whatsapp.net.evil.tld/         | false",
            "https://media-x.cdn.whatsapp.net@evil.tld/         | false",
            "http://127.0.0.1:412345/                           | false",
            "http://127.0.0.1:4123/                             | false",
            "http://127.0.0.1:41234@evil.tld/                   | false",
            "http://127.0.0.1:8080/                             | false",
            "https://evil.tld/?https://web.whatsapp.com/        | false",
    })
    void theRoutingFastPathLetsGoOnlyWhatDecideAllows(String url, boolean fast) {
        java.util.regex.Pattern start = java.util.regex.Pattern.compile("^" + simulator.allowedStart());
        assertThat(start.matcher(url).find()).isEqualTo(fast);
        if (fast) {
            assertThat(simulator.decide(url).allowed()).isTrue();
        }
        assertThat(java.util.regex.Pattern.compile("^" + live.allowedStart()).matcher(url).find())
                .as("live mode knows no simulator").isEqualTo(fast && !url.contains("127.0.0.1"));
    }

    @Test
    void theDnsLayerFollowsTheSameList() {
        assertThat(live.hostResolverRules()).startsWith("MAP * ~NOTFOUND, ")
                .contains("EXCLUDE web.whatsapp.com", "EXCLUDE media-*.cdn.whatsapp.net")
                .doesNotContain("crashlogs").doesNotContain("dit.").doesNotContain("127.0.0.1");
        assertThat(simulator.hostResolverRules()).endsWith(", EXCLUDE 127.0.0.1");
    }
}
