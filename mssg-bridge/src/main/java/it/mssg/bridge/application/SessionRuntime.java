package it.mssg.bridge.application;

import it.mssg.bridge.browser.BrowserSettings;
import it.mssg.bridge.browser.ChromiumLocator;
import it.mssg.bridge.domain.EgressPolicy;
import it.mssg.bridge.domain.RecoveryPolicy;
import it.mssg.bridge.domain.TypingTime;
import it.mssg.bridge.page.PageScripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the session needs, resolved once from the settings: what to launch, the timings, and in
 * simulator mode where the simulator's control page is.
 */
record SessionRuntime(BrowserSettings browser, Path profileDir, String version, int historyMessages, int syncPageSize,
                      Duration startupTimeout, Duration callTimeout, Duration heartbeatInterval,
                      Duration heartbeatTimeout, Duration sendTimeout, TypingTime typing, RecoveryPolicy recovery,
                      Optional<String> simulatorControlUrl) {

    /**
     * @param simulatorPage    the simulator's page address in simulator mode, else null
     * @param simulatorControl the simulator's control page in simulator mode, else null
     */
    static SessionRuntime from(WhatsAppProperties wa, BrowserProperties browser, Path dataDir,
                               String simulatorPage, String simulatorControl) {
        boolean simulator = wa.mode() == WhatsAppProperties.Mode.SIMULATOR;
        if (simulator && simulatorPage == null) {
            throw new IllegalStateException("mssg.whatsapp.mode=simulator but the simulator is not running");
        }
        String url = wa.url() != null && !wa.url().isBlank() ? wa.url() : simulator ? simulatorPage : WhatsAppProperties.LIVE_URL;
        boolean bundled = wa.effectiveWaJs() == WhatsAppProperties.WaJs.BUNDLED;
        List<String> scripts = new ArrayList<>();
        scripts.add(PageScripts.shim());
        if (bundled) {
            scripts.add(PageScripts.waJsBundle());
        }
        Path profile = dataDir.resolve("browser");
        Path executable = ChromiumLocator.find(browser == null ? null : browser.executable()).orElse(null);
        // live: WhatsApp's hosts only; simulator: those plus exactly the simulator's loopback origin
        EgressPolicy egress = simulator ? EgressPolicy.withSimulator(simulatorPage) : EgressPolicy.live();
        return new SessionRuntime(
                new BrowserSettings(executable, wa.headless(), profile, url, scripts, wa.launchTimeout(), egress),
                profile, bundled ? "wa-js " + PageScripts.WA_JS_VERSION : "page WPP", wa.historyMessages(), wa.syncPageSize(),
                wa.startupTimeout(), wa.callTimeout(), wa.heartbeatInterval(), wa.heartbeatTimeout(), wa.sendTimeout(),
                new TypingTime(wa.typingMin(), wa.typingMax(), wa.typingPerCharacter()),
                new RecoveryPolicy(wa.recoveryFirstDelay(), wa.recoveryMaxDelay(), wa.recoveryMaxAttempts()),
                Optional.ofNullable(simulatorControl));
    }
}
