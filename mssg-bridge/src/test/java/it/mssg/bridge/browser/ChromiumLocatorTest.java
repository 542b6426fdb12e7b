package it.mssg.bridge.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumLocatorTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm) | 156",
            "Google Chrome 131.0.6778.85 | 131",
            "Chromium 99.0.4844.51 snap | 99",
            "bash: chromium: command not found | -"})
    void majorVersionFromVersionOutput(String output, Integer major) {
        assertThat(ChromiumLocator.majorVersion(output)).isEqualTo(Optional.ofNullable(major));
    }

    @Test
    void aConfiguredExecutableMustExist(@TempDir Path dir) {
        assertThatThrownBy(() -> ChromiumLocator.find(dir.resolve("nope").toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mssg.browser.executable");
    }

    @Test
    void aLockHeldByALiveProcessOnThisHostIsFoundAndAStaleOneIsNot(@TempDir Path profile) throws Exception {
        assertThat(ProfileLock.holder(profile)).isEmpty();
        Path lock = profile.resolve(ProfileLock.LOCK_FILE);
        Files.createSymbolicLink(lock, Path.of(ProfileLock.hostname() + "-" + ProcessHandle.current().pid()));
        assertThat(ProfileLock.holder(profile)).contains(ProcessHandle.current().pid());
        Files.delete(lock);
        Files.createSymbolicLink(lock, Path.of("another-host-" + ProcessHandle.current().pid()));
        assertThat(ProfileLock.holder(profile)).as("a lock from another machine (a copied profile)").isEmpty();
        Files.delete(lock);
        Files.createSymbolicLink(lock, Path.of(ProfileLock.hostname() + "-999999999"));
        assertThat(ProfileLock.holder(profile)).as("a lock left by a process that is gone").isEmpty();
    }

    @Test
    void scriptErrorsLoseTheirPlaywrightFraming() {
        assertThat(PageSession.scriptError("Error: Evaluation failed: Error: not on WhatsApp\n    at eval (x.js:1)\ncall log:"))
                .isEqualTo("not on WhatsApp");
        assertThat(PageSession.scriptError("Error {\n  message='Browser closed.\n==== logs ====\n'\n  name='Error'\n}"))
                .isEqualTo("Browser closed.");
    }
}
