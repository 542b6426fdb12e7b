package it.mssg.web.drills;

import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.SettingsApi;
import it.mssg.web.security.AccessToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzed CSV drill: thousands of damaged contact files ({@link CsvMutator} over {@link SeedFiles}) go through
 * the dashboard's real import endpoints over HTTP, as a person's browser sends them: upload (preview), then commit
 * when the preview offers it. Every file must get a clear answer, never a 5xx: a preview, or a 4xx that says what is
 * wrong. And an import is all or nothing: a committed file adds exactly the contacts it reports as new, which are
 * exactly the rows its preview called ready; a refused or uncommittable file adds none.
 * <p>
 * {@code -Dmssg.fuzz.files=N} (default 1,000 — CI; the recorded runs in docs/RELIABILITY.md use more) and {@code -Dmssg.fuzz.seed=S} (printed at the start and with every
 * failure) make a run reproducible; a failing file is also saved, with its number and seed in the name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.autostart=false", "mssg.data.backup-every=0"})
class CsvImportFuzzIT {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-fuzz-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
    }

    private static final Pattern COMMIT = Pattern.compile("hx-post=\"(/contacts/import/[^\"]+/commit)\"");
    private static final Pattern READY = Pattern.compile("(\\d+) ready</span>");
    private static final Pattern DONE = Pattern.compile("(\\d+) new contacts?, (\\d+) filled in, (\\d+) rows? skipped");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern ERROR_NOTICE = Pattern.compile("class=\"notice error\" role=\"alert\">([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    AccessToken token;

    @Autowired
    SettingsApi settings;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void damagedFilesGetAClearAnswerAndImportAllOrNothing() throws Exception {
        int files = Integer.getInteger("mssg.fuzz.files", 1_000);
        long seed = Long.getLong("mssg.fuzz.seed", System.currentTimeMillis());
        System.out.printf("CSV fuzz drill: %,d files, -Dmssg.fuzz.seed=%d%n", files, seed);
        settings.acknowledge(new Acknowledgement(true, true, true, settings.get().currentTermsVersion()));

        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < files; i++) {
            CsvMutator.Mutant file = CsvMutator.mutate(SeedFiles.file(i), seed, i);
            try {
                outcomes.merge(importOnce(file.bytes(), i), 1, Integer::sum);
            } catch (AssertionError | IOException e) {
                Path saved = Files.write(DATA_DIR.resolve("fuzz-" + seed + "-" + i + ".csv"), file.bytes());
                failures.add("file " + i + " of -Dmssg.fuzz.seed=" + seed + " " + file.kinds() + " (saved as " + saved + "): " + e.getMessage());
                outcomes.merge("FAILED", 1, Integer::sum);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("CSV fuzz drill: %,d files in %d s, seed %d: %s%n", files, seconds, seed, outcomes);
        failures.stream().limit(30).forEach(f -> System.out.println("  " + f));

        assertThat(failures).as("files without a clear answer or imported in part (seed " + seed + ")").isEmpty();
        // the mutations must reach all three outcomes, or the drill has stopped testing something
        if (files >= 200) {
            assertThat(outcomes).containsKeys("committed", "refused 400", "preview, nothing to import");
        }
    }

    /** Uploads one file, commits it when its preview offers that, and checks the answers and the contact count. */
    private String importOnce(byte[] csv, int fileNumber) throws IOException, InterruptedException {
        long before = contactCount();
        String duplicates = fileNumber % 3 == 0 ? "MERGE" : "SKIP";
        HttpResponse<String> preview = send(multipart(csv, "fuzz-" + fileNumber + ".csv", duplicates));
        int status = preview.statusCode();
        assertThat(status).as("the upload's answer").isLessThan(500);
        if (status != 200) {
            assertThat(status).as("a refused upload's status").isIn(400, 413);
            Matcher error = ERROR_NOTICE.matcher(preview.body());
            assertThat(error.find()).as("a refused upload says why; body starts " + start(preview.body())).isTrue();
            assertThat(error.group(1).strip()).isNotEmpty();
            assertThat(contactCount()).as("contacts after a refused upload").isEqualTo(before);
            return "refused " + status;
        }
        Matcher ready = READY.matcher(preview.body());
        assertThat(ready.find()).as("the preview shows how many rows are ready; body starts " + start(preview.body())).isTrue();
        int readyRows = Integer.parseInt(ready.group(1));
        Matcher commit = COMMIT.matcher(preview.body());
        if (!commit.find()) {
            assertThat(readyRows).as("a preview without an import button has no ready rows").isZero();
            assertThat(contactCount()).as("contacts after an uncommittable preview").isEqualTo(before);
            return "preview, nothing to import";
        }
        HttpResponse<String> done = send(request(commit.group(1)).header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(done.statusCode()).as("the commit's answer; body starts " + start(done.body())).isEqualTo(200);
        Matcher result = DONE.matcher(done.body());
        assertThat(result.find()).as("the commit says what it did; body starts " + start(done.body())).isTrue();
        int created = Integer.parseInt(result.group(1));
        assertThat(created).as("new contacts = rows the preview called ready").isEqualTo(readyRows);
        assertThat(contactCount()).as("contacts after committing " + created + " new").isEqualTo(before + created);
        return "committed";
    }

    private long contactCount() throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/api/contacts?size=1").GET().build());
        assertThat(r.statusCode()).as("contact count").isEqualTo(200);
        Matcher m = TOTAL.matcher(r.body());
        assertThat(m.find()).as("total in " + start(r.body())).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpRequest multipart(byte[] csv, String fileName, String duplicates) {
        String boundary = "----mssgfuzz" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"duplicates\"\r\n\r\n" + duplicates
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\nIT\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return request("/contacts/import").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.value());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within 60 s to " + request.method() + " " + request.uri().getPath());
        }
    }

    private static String start(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.substring(0, Math.min(300, flat.length()));
    }
}
