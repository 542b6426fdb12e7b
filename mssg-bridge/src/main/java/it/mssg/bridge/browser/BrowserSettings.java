package it.mssg.bridge.browser;

import it.mssg.bridge.domain.EgressPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to launch the browser for one session.
 *
 * @param executable  the Chromium to use, or null for Playwright's own browser (a fallback only)
 * @param initScripts scripts added with addInitScript, in order (shim first, then the wa-js bundle if any)
 * @param egress      where the page may send requests; everything else is aborted and reported
 */
public record BrowserSettings(Path executable, boolean headless, Path profileDir, String url,
                              List<String> initScripts, Duration launchTimeout, EgressPolicy egress) {
    public BrowserSettings {
        initScripts = List.copyOf(initScripts);
    }

    public BrowserSettings withHeadless(boolean headless) {
        return new BrowserSettings(executable, headless, profileDir, url, initScripts, launchTimeout, egress);
    }
}
