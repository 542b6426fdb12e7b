package it.mssg.bridge.browser;

import it.mssg.bridge.domain.EgressPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PageSessionArgsTest {

    private static BrowserSettings settings(boolean headless) {
        return new BrowserSettings(null, headless, Path.of("/tmp/profile"), "http://127.0.0.1:41234/wa/", List.of(),
                Duration.ofSeconds(30), EgressPolicy.withSimulator("http://127.0.0.1:41234/wa/"));
    }

    private static List<String> disabledFeatures(List<String> args) {
        List<String> switches = args.stream().filter(a -> a.startsWith("--disable-features=")).toList();
        assertThat(switches).as("Chromium keeps only the last --disable-features: one switch only").hasSize(1);
        return Arrays.asList(switches.get(0).substring("--disable-features=".length()).split(","));
    }

    @ParameterizedTest(name = "headless {0}: browser UI features off {1}")
    @CsvSource({"true, true", "false, false"})
    void oneFeatureSwitchKeepsPlaywrightsDefaultsAndDropsTheBrowserUiOnlyWhenHeadless(boolean headless, boolean browserUiOff) {
        List<String> disabled = disabledFeatures(PageSession.chromiumArgs(settings(headless), false));

        assertThat(disabled).containsAll(PageSession.PLAYWRIGHT_DISABLED_FEATURES).contains("AutofillServerCommunication", "SpareRendererForSitePerProcess");
        if (browserUiOff) {
            assertThat(disabled).containsAll(PageSession.BROWSER_UI_FEATURES);
        } else {
            assertThat(disabled).doesNotContainAnyElementsOf(PageSession.BROWSER_UI_FEATURES);
        }
    }

    @ParameterizedTest(name = "root {0}: --no-sandbox {0}")
    @CsvSource({"true", "false"})
    void theSandboxIsOffOnlyForRoot(boolean root) {
        assertThat(PageSession.chromiumArgs(settings(true), root).contains("--no-sandbox")).isEqualTo(root);
    }

    @Test
    void theHostResolverRulesAreTheEgressPolicys() {
        BrowserSettings settings = settings(true);
        assertThat(PageSession.chromiumArgs(settings, false))
                .contains("--host-resolver-rules=" + settings.egress().hostResolverRules());
    }

    /** The copy of Playwright's list must follow Playwright: an upgrade that changes it fails here. */
    @Test
    void playwrightsDefaultListIsTheOneInItsDriver() throws IOException {
        String source;
        try (InputStream in = PageSessionArgsTest.class.getResourceAsStream("/driver/linux/package/lib/server/chromium/chromiumSwitches.js")) {
            assertThat(in).as("Playwright's driver bundle on the class path").isNotNull();
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String list = source.substring(source.indexOf("disabledFeatures = "), source.indexOf("].filter(Boolean)"));
        // one quoted name a line; the name behind "assistantMode ?" is only for Playwright's assistant mode
        Matcher name = Pattern.compile("(?m)^\\s*\"(\\w+)\",?\\s*$").matcher(list);
        List<String> playwrights = name.results().map(m -> m.group(1)).toList();

        assertThat(playwrights).isNotEmpty();
        assertThat(PageSession.PLAYWRIGHT_DISABLED_FEATURES).containsExactlyInAnyOrderElementsOf(playwrights);
    }
}
