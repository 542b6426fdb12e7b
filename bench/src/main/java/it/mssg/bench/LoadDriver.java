package it.mssg.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small closed-loop HTTP driver against a running app: one client, requests one after another, timed from
 * sending the request to the last byte of the answer. On 127.0.0.1 that is the server's time plus a loopback
 * round trip (tens of µs), so the figures are an upper bound of server time. Every answer must be 200, or the
 * run stops with the status and the path.
 */
final class LoadDriver {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    LoadDriver(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    static LoadDriver forDataDir(String base, Path dataDir) throws IOException {
        return new LoadDriver(base, Files.readString(dataDir.resolve("access-token")).strip());
    }

    String token() {
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token);
    }

    /** Sends a GET and returns its body; fails on anything but 200. */
    byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    /** How many contacts are stored, as the API's contact list counts them. */
    long contactCount() throws IOException, InterruptedException {
        Matcher m = TOTAL.matcher(new String(get("/api/contacts?size=1"), StandardCharsets.UTF_8));
        if (!m.find()) throw new IllegalStateException("the contact list gave no total");
        return Long.parseLong(m.group(1));
    }

    /** Times {@code requests} GETs of the paths {@code pathFor} gives, after {@code warmup} untimed ones. */
    Stats time(String name, int warmup, int requests, IntFunction<String> pathFor) throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            get(pathFor.apply(i));
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String path = pathFor.apply(warmup + i);
            long t0 = System.nanoTime();
            get(path);
            nanos[i] = System.nanoTime() - t0;
        }
        return Stats.of(name, nanos);
    }

    /** Contact search over the API: name fragments, number fragments and tag filters, page of 50. */
    Stats contactSearch(int warmup, int requests, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        String[] names = {"giu", "marco", "rossi", "de luca", "sofia", "ferr", "ale", "greco", "mart", "zzz-none"};
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            queries.add(switch (i % 4) {
                case 0, 1 -> "q=" + enc(names[random.nextInt(names.length)]);
                case 2 -> "q=" + String.format("333%04d", random.nextInt(10_000));
                default -> "tag=vip&q=" + enc(names[random.nextInt(names.length)]);
            });
        }
        return time("contact search (GET /api/contacts?q=…, 50 a page)", warmup, requests,
                i -> "/api/contacts?size=50&" + queries.get(i % queries.size()));
    }

    /** The newest page of a conversation over the API, chats picked at random among the first {@code chats}. */
    Stats conversationPage(int warmup, int requests, int chats, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        return time("conversation page (GET /api/chats/{id}/messages, 50 a page)", warmup, requests,
                i -> "/api/chats/" + (1 + random.nextInt(chats)) + "/messages?size=50");
    }

    /** The same conversation as the dashboard renders it (HTML, with layout). */
    Stats conversationScreen(int warmup, int requests, int chats, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        return time("conversation screen (GET /chats/{id}, HTML)", warmup, requests,
                i -> "/chats/" + (1 + random.nextInt(chats)));
    }

    /** The contacts screen with a search, as the dashboard renders it (HTML). */
    Stats contactsScreen(int warmup, int requests, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        String[] names = {"giu", "marco", "rossi", "sofia", "ferr", "ale", "greco", "mart"};
        return time("contacts screen (GET /contacts?q=…, HTML)", warmup, requests,
                i -> "/contacts?q=" + enc(names[random.nextInt(names.length)]));
    }

    /** @param importId the import's record, from the undo link the result shows (null when it offers none) */
    record ImportTiming(long uploadMillis, long commitMillis, String outcome, Long importId) {
        long totalMillis() {
            return uploadMillis + commitMillis;
        }
    }

    private static final Pattern COMMIT = Pattern.compile("/contacts/import/([A-Za-z0-9_-]+)/commit");
    private static final Pattern OUTCOME = Pattern.compile("Imported [^<\"]*");
    private static final Pattern UNDO = Pattern.compile("/contacts/imports/(\\d+)/undo");

    /**
     * The dashboard's CSV import: upload (parse, check every row, build the preview), then commit. Both steps
     * are timed separately; the figure is their sum.
     */
    ImportTiming importCsv(Path csv) throws IOException, InterruptedException {
        String boundary = "----mssgbench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + csv.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(csv));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        HttpResponse<String> upload = http.send(request("/contacts/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        long uploadMillis = (System.nanoTime() - t0) / 1_000_000;
        if (upload.statusCode() != 200) {
            throw new IllegalStateException("upload answered " + upload.statusCode());
        }
        Matcher m = COMMIT.matcher(upload.body());
        if (!m.find()) {
            throw new IllegalStateException("the preview offers no commit; first 500 chars: "
                    + upload.body().substring(0, Math.min(500, upload.body().length())));
        }
        long t1 = System.nanoTime();
        HttpResponse<String> commit = http.send(request("/contacts/import/" + m.group(1) + "/commit")
                .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long commitMillis = (System.nanoTime() - t1) / 1_000_000;
        if (commit.statusCode() != 200) {
            throw new IllegalStateException("commit answered " + commit.statusCode());
        }
        Matcher o = OUTCOME.matcher(commit.headers().allValues("HX-Trigger").toString() + commit.body());
        Matcher u = UNDO.matcher(commit.body());
        return new ImportTiming(uploadMillis, commitMillis, o.find() ? o.group() : "(no outcome text found)",
                u.find() ? Long.valueOf(u.group(1)) : null);
    }

    /** Undoes an import as its page's button does (the contacts it added removed); @return the time it took, in ms */
    long undoImport(long importId) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> undone = http.send(request("/contacts/imports/" + importId + "/undo")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (undone.statusCode() != 302) {
            throw new IllegalStateException("undo answered " + undone.statusCode());
        }
        return millis;
    }

    record ExportTiming(long millis, long bytes, long lines) {
    }

    /** The contacts CSV export of the whole address book, timed to its last byte. */
    ExportTiming exportCsv() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        byte[] body = get("/contacts/export");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long lines = 0;
        for (byte b : body) if (b == '\n') lines++;
        return new ExportTiming(millis, body.length, lines);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
