package it.mssg.bridge.application;

import it.mssg.bridge.simulator.SimulatedNetwork;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The benchmark account (5,000 contacts, 1,000 chats, 20 messages each) synced through a real Chromium. It
 * checks completeness; the figures (sync time, Chromium memory: see {@link ChromiumMemory}) are written to target/benchmarks for
 * docs/BENCHMARKS.md, not asserted, because this machine's speed is not the product's.
 */
class LargeSeedSyncIT {

    @TempDir
    Path dataDir;

    @Test
    void theLargeAccountSyncsCompletely() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir, SimulatedNetwork.Seed.LARGE, 20)) {
            h.session.start();
            h.awaitState(SessionState.QR_REQUIRED, Duration.ofSeconds(60));
            assertEquals(200, h.post("/control/scan", Map.of()).statusCode());
            h.awaitState(SessionState.READY, Duration.ofSeconds(180));

            assertThat(h.inbound.contacts).hasSize(5000);
            assertThat(h.inbound.chats).hasSize(1001);
            assertThat(h.inbound.messages).hasSize(1000 * 20 + 2);
            SessionStatus syncing = h.states.stream().filter(s -> s.state() == SessionState.SYNCING).findFirst().orElseThrow();
            SessionStatus ready = h.session.status();
            assertThat(h.states.stream().filter(s -> s.state() == SessionState.SYNCING).map(SessionStatus::progress).distinct().count())
                    .as("the progress bar moves").isGreaterThan(5);
            long syncMillis = Duration.between(syncing.since(), ready.since()).toMillis();

            Thread.sleep(10_000); // let the page settle before measuring memory, as bench/run sync does
            ChromiumMemory memory = ChromiumMemory.of(dataDir.resolve("browser"));
            long pssKb = memory.pssKb();
            long uniqueKb = memory.uniqueKb();
            assertThat(pssKb).isPositive();
            String figures = "first sync of 5,000 contacts, 1,001 chats, 20,002 messages: " + syncMillis + " ms\n"
                    + "Chromium memory 10 s after READY, each page counted once: "
                    + (uniqueKb < 0 ? "unknown (needs root)" : uniqueKb / 1024 + " MB") + "\n"
                    + "Chromium memory 10 s after READY (sum of PSS of its processes): " + pssKb / 1024 + " MB "
                    + memory.byType() + "; processes of other Chromium instances on the machine, which lower PSS: "
                    + memory.othersOnTheMachine() + "\n";
            Path out = Path.of("target" + System.getProperty("build.suffix", ""), "benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve("bridge-large-seed.txt"), figures);
            System.out.print(figures);
        }
    }
}
