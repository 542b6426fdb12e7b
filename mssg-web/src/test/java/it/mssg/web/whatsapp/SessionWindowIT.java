package it.mssg.web.whatsapp;

import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.SessionControl;
import it.mssg.core.api.SessionStateChanged;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.web.security.AccessToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

/**
 * The session window over real HTTP: the WhatsApp screen's stream carries the state with its QR and
 * screenshots, and screenshots stop once the last viewer has gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mssg.whatsapp.autostart=false", "mssg.web.frames-per-second=5"})
class SessionWindowIT {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-window-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
    }

    @MockitoBean
    SessionControl session;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AccessToken token;

    @Test
    void framesFlowWhileTheScreenIsOpenAndStopWhenItCloses() throws Exception {
        AtomicInteger frame = new AtomicInteger();
        when(session.status()).thenReturn(new SessionStatus(SessionState.QR_REQUIRED, null, "2@pairing-code,key,key==",
                Instant.now().plusSeconds(20), 0, null, Instant.now()));
        when(session.simulatorControlUrl()).thenReturn(Optional.empty());
        // every screenshot differs, so every tick pushes a frame
        when(session.screenshot()).thenAnswer(call -> Optional.of(new byte[]{(byte) 0x89, 'P', 'N', 'G', (byte) frame.incrementAndGet()}));

        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/whatsapp/stream"))
                .header("Cookie", "mssg_token=" + token.value()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        boolean sawStatusWithQr = false;
        int frames = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null && (frames < 3 || !sawStatusWithQr); line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:") && "status".equals(event)) {
                    sawStatusWithQr |= line.contains("Scan the QR code") && line.contains("data:image/svg+xml;base64,");
                } else if (line.startsWith("data:") && "frame".equals(event)) {
                    assertThat(line).contains("<img").contains("data:image/png;base64,");
                    frames++;
                }
            }
        }
        assertThat(sawStatusWithQr).isTrue();
        assertThat(frames).isGreaterThanOrEqualTo(3);

        // the viewer is gone: after a failed send or two the loop stops taking screenshots
        Thread.sleep(2_000);
        long settled = screenshots();
        Thread.sleep(2_000);
        assertThat(screenshots()).isEqualTo(settled);
    }

    @Test
    void everyPageHearsOfSessionChangesAndNewMessages() throws Exception {
        when(session.simulatorControlUrl()).thenReturn(Optional.empty());
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Cookie", "mssg_token=" + token.value()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread.sleep(300);
        events.publishEvent(new SessionStateChanged(new SessionStatus(SessionState.SYNCING, null, null, null, 57, null, Instant.now())));
        events.publishEvent(new MessageReceived(11, 42, null, MessageDirection.INBOUND, true));
        boolean chip = false;
        boolean panel = false;
        boolean message = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null && !(chip && panel && message); line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    chip |= "session-chip".equals(event) && line.contains("Syncing 57%") && line.contains("status-syncing");
                    panel |= "session-panel".equals(event) && line.contains("<progress") && line.contains("57");
                    message |= "message-received".equals(event) && line.contains("42");
                }
            }
        }
        assertThat(chip).isTrue();
        assertThat(panel).isTrue();
        assertThat(message).isTrue();
    }

    private long screenshots() {
        return mockingDetails(session).getInvocations().stream()
                .filter(invocation -> invocation.getMethod().getName().equals("screenshot")).count();
    }
}
