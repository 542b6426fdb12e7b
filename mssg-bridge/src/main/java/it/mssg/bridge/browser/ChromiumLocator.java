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
