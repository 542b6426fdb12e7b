package it.mssg.bridge.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to launch the browser for one session.
 *
 * @param executable  the Chromium to use, or null for Playwright's own browser (a fallback only)
 * @param initScripts scripts added with addInitScript, in order (shim first, then the wa-js bundle if any)
 */
public record BrowserSettings(Path executable, boolean headless, Path profileDir, String url,
                              List<String> initScripts, Duration launchTimeout) {
    public BrowserSettings {
        initScripts = List.copyOf(initScripts);
    }

    public BrowserSettings withHeadless(boolean headless) {
        return new BrowserSettings(executable, headless, profileDir, url, initScripts, launchTimeout);
    }
}
