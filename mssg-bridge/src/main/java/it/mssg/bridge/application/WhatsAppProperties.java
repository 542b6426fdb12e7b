package it.mssg.bridge.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code mssg.whatsapp.*}: which page to drive and how.
 *
 * @param mode              live (web.whatsapp.com with the bundled wa-js) or simulator (the built-in simulated network)
 * @param url               the page address; default by mode
 * @param waJs              bundled (inject the pinned wa-js) or page (the page brings its own WPP); default by mode
 * @param historyMessages   how many of the last messages of each chat the sync fetches
 * @param autostart         start the session when the application is ready
 * @param typingMin         shortest "typing…" before a send; typingMax the longest; typingPerCharacter in between
 */
@ConfigurationProperties("mssg.whatsapp")
public record WhatsAppProperties(
        @DefaultValue("live") Mode mode,
        String url,
        WaJs waJs,
        @DefaultValue("true") boolean headless,
        @DefaultValue("20") int historyMessages,
        @DefaultValue("true") boolean autostart,
        @DefaultValue("500") int syncPageSize,
        @DefaultValue("60s") Duration launchTimeout,
        @DefaultValue("90s") Duration startupTimeout,
        @DefaultValue("15s") Duration callTimeout,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration heartbeatTimeout,
        @DefaultValue("60s") Duration sendTimeout,
        @DefaultValue("1s") Duration typingMin,
        @DefaultValue("6s") Duration typingMax,
        @DefaultValue("60ms") Duration typingPerCharacter,
        @DefaultValue("2s") Duration recoveryFirstDelay,
        @DefaultValue("60s") Duration recoveryMaxDelay,
        @DefaultValue("5") int recoveryMaxAttempts) {

    public enum Mode { LIVE, SIMULATOR }

    public enum WaJs { BUNDLED, PAGE }

    public static final String LIVE_URL = "https://web.whatsapp.com/";

    public WaJs effectiveWaJs() {
        if (waJs != null) {
            return waJs;
        }
        return mode == Mode.SIMULATOR ? WaJs.PAGE : WaJs.BUNDLED;
    }
}
