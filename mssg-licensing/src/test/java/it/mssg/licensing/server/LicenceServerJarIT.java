package it.mssg.licensing.server;

import it.mssg.licensing.server.signing.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged licence server starts with {@code java -jar}, reads its own settings and reaches Stripe (a fake here). */
class LicenceServerJarIT {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void theServerJarStartsAndCreatesACheckout(@TempDir Path folder) throws Exception {
        Path jar = Path.of(System.getProperty("licence-server.jar"));
        assertThat(jar).exists();
        Path keyFile = folder.resolve("signing.pem");
        SigningKeys.generateInto(keyFile, "jar-key");

        try (FakeStripe stripe = new FakeStripe()) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--server.port=0", "--server.address=127.0.0.1")
                    .directory(folder.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("LICENCE_SERVER_DATA_DIR", folder.resolve("data").toString());
            env.put("MSSG_LICENCE_SERVER_STRIPE_SECRET_KEY", "sk_test_jar");
            env.put("MSSG_LICENCE_SERVER_STRIPE_WEBHOOK_SECRET", "whsec_jar");
            env.put("MSSG_LICENCE_SERVER_STRIPE_PRICE_ID", "price_jar");
            env.put("MSSG_LICENCE_SERVER_STRIPE_API_BASE", stripe.apiBase());
            env.put("MSSG_LICENCE_SERVER_SIGNING_KEY_ID", "jar-key");
            env.put("MSSG_LICENCE_SERVER_SIGNING_KEY_FILE", keyFile.toString());
            Process server = builder.start();
            try {
                int port = portOf(server);
                HttpResponse<String> checkout = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checkout"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"installId\":\"0123456789abcdef0123456789abcdef\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(checkout.statusCode()).isEqualTo(200);
                assertThat(checkout.body()).contains("https://checkout.stripe.test/c/pay/cs_test_");
                assertThat(stripe.requests("POST", "/v1/checkout/sessions").get(0).form())
                        .containsEntry("line_items[0][price]", "price_jar")
                        .containsEntry("success_url", "http://localhost:8090/checkout/complete?session_id={CHECKOUT_SESSION_ID}");
                assertThat(Files.exists(folder.resolve("data").resolve("licences.mv.db"))).isTrue();
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** Reads the server's log until Tomcat names its port; the machine may be busy, so allow two minutes. */
    private static int portOf(Process server) throws Exception {
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = log.readLine()) != null) {
                    Matcher started = STARTED.matcher(line);
                    if (started.find()) {
                        int found = Integer.parseInt(started.group(1));
                        Thread drain = new Thread(() -> drain(log));
                        drain.setDaemon(true);
                        drain.start();
                        return found;
                    }
                }
                throw new IllegalStateException("the licence server stopped before it started");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return port.get(120, TimeUnit.SECONDS);
    }

    /** Keeps reading the log so the server never blocks on a full pipe; ends when the process does. */
    private static void drain(BufferedReader log) {
        try {
            while (log.readLine() != null) {
                // discard
            }
        } catch (java.io.IOException processEnded) {
            // the stream closes when the server is stopped
        }
    }
}
