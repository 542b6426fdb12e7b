package it.mssg.bridge.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a Chromium installed on the machine; Playwright's own browser is used only when none is found. */
public final class ChromiumLocator {

    static final List<String> USUAL_PLACES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
            "/snap/bin/chromium", "/usr/local/bin/chromium",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe");

    private ChromiumLocator() {
    }

    /**
     * The user agent of a normal (headed) Chrome of the same major version. Headless Chromium announces itself
     * as "HeadlessChrome", which WhatsApp Web refuses as an unsupported browser.
     */
    public static Optional<String> headedUserAgent(Path executable) {
        if (executable == null) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String output;
            try (java.io.InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return majorVersion(output).map(major -> "Mozilla/5.0 (" + platform() + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + major + ".0.0.0 Safari/537.36");
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Integer> majorVersion(String versionOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Chromium|Chrome)\\D*(\\d{2,4})\\.").matcher(versionOutput);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) {
            return "Macintosh; Intel Mac OS X 10_15_7";
        }
        if (os.contains("win")) {
            return "Windows NT 10.0; Win64; x64";
        }
        return "X11; Linux x86_64";
    }

    /** @param configured {@code mssg.browser.executable}, may be blank; when set it must exist */
    public static Optional<Path> find(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("mssg.browser.executable points to " + path + ", which is not an executable file");
            }
            return Optional.of(path);
        }
        return USUAL_PLACES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
