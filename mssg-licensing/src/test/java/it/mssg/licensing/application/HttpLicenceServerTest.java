package it.mssg.licensing.application;

import com.sun.net.httpserver.HttpServer;
import it.mssg.licensing.api.LicensingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the app sends to the licence server: the install id and the licence id, nothing else. */
class HttpLicenceServerTest {

    private static final String INSTALL = "0123456789abcdef0123456789abcdef";

    private HttpServer fakeServer;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"token\":\"t\",\"url\":\"https://checkout.stripe.test/c/pay/cs_1\"}";

    @BeforeEach
    void start() throws Exception {
        fakeServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeServer.createContext("/", exchange -> {
            bodies.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        fakeServer.start();
    }

    @AfterEach
    void stop() {
        fakeServer.stop(0);
    }

    private HttpLicenceServer client() {
        return new HttpLicenceServer(new LicensingSettings(URI.create("http://127.0.0.1:" + fakeServer.getAddress().getPort()),
                Map.of(), null, Duration.ofSeconds(5)));
    }

    @Test
    void eachCallSendsOnlyTheIdsItNeeds() {
        HttpLicenceServer server = client();

        server.refresh("mssg-AAAAA", INSTALL);
        server.activate("mssg-BBBBB", INSTALL);
        server.openPortal("mssg-AAAAA", INSTALL);
        server.startCheckout(INSTALL, Optional.empty());
        server.startCheckout(INSTALL, Optional.of("buyer@example.com"));

        assertThat(bodies.stream().map(HttpLicenceServerTest::pathAndFields).toList()).containsExactly(
                List.of("/api/refresh", Map.of("licenceId", "mssg-AAAAA", "installId", INSTALL)),
                List.of("/api/activate", Map.of("licenceKey", "mssg-BBBBB", "installId", INSTALL)),
                List.of("/api/portal", Map.of("licenceId", "mssg-AAAAA", "installId", INSTALL)),
                List.of("/api/checkout", Map.of("installId", INSTALL)),
                List.of("/api/checkout", Map.of("installId", INSTALL, "email", "buyer@example.com")));
    }

    /** The path and the JSON body's fields, independent of field order. */
    @SuppressWarnings("unchecked")
    private static List<Object> pathAndFields(String request) {
        int space = request.indexOf(' ');
        Map<String, Object> fields = tools.jackson.databind.json.JsonMapper.shared().readValue(request.substring(space + 1), Map.class);
        return List.of(request.substring(0, space), fields);
    }

    @Test
    void theServersErrorMessageReachesTheUser() {
        status = 404;
        answer = "{\"error\":\"No licence with that key.\"}";

        assertThatThrownBy(() -> client().activate("mssg-NOPE1", INSTALL))
                .isInstanceOf(LicensingException.class).hasMessage("No licence with that key.");
    }

    @Test
    void onlyWebLinksAreAccepted() {
        answer = "{\"url\":\"file:///etc/passwd\"}";

        assertThatThrownBy(() -> client().startCheckout(INSTALL, Optional.empty()))
                .isInstanceOf(LicensingException.class).hasMessageContaining("not a web page");
    }

    @Test
    void anUnreachableOrUnconfiguredServerIsAClearError() {
        HttpLicenceServer unreachable = new HttpLicenceServer(new LicensingSettings(URI.create("http://127.0.0.1:1"),
                Map.of(), null, Duration.ofSeconds(2)));
        HttpLicenceServer unconfigured = new HttpLicenceServer(new LicensingSettings(null, Map.of(), null, null));

        assertThatThrownBy(() -> unreachable.refresh("mssg-AAAAA", INSTALL))
                .isInstanceOf(LicensingException.class).hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> unconfigured.refresh("mssg-AAAAA", INSTALL))
                .isInstanceOf(LicensingException.class).hasMessageContaining("No licence server is configured");
    }
}
