package it.mssg.bridge.application;

import it.mssg.bridge.simulator.SimulatedNetwork;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The benchmark account (5,000 contacts, 1,000 chats, 20 messages each) synced through a real Chromium. It
 * checks completeness; the figures (sync time, Chromium memory) are written to target/benchmarks for
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

            Thread.sleep(3000); // let the page settle before measuring memory
            long chromiumKb = chromiumMemoryKb(dataDir.resolve("browser"));
            assertThat(chromiumKb).isPositive();
            String figures = "first sync of 5,000 contacts, 1,001 chats, 20,002 messages: " + syncMillis + " ms\n"
                    + "Chromium memory in READY (sum of PSS of its processes): " + chromiumKb / 1024 + " MB\n";
            Path out = Path.of("target" + System.getProperty("build.suffix", ""), "benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve("bridge-large-seed.txt"), figures);
            System.out.print(figures);
        }
    }

    /** Sum of the proportional set size (else the resident size) of the browser processes for this profile. */
    static long chromiumMemoryKb(Path profile) {
        String marker = "--user-data-dir=" + profile;
        return ProcessHandle.allProcesses().filter(p -> cmdline(p).contains(marker) && !cmdline(p).contains("--type="))
                .flatMap(main -> java.util.stream.Stream.concat(java.util.stream.Stream.of(main), main.descendants()))
                .mapToLong(LargeSeedSyncIT::memoryKb).sum();
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static long memoryKb(ProcessHandle p) {
        for (String[] source : new String[][]{{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                Matcher m = Pattern.compile(Pattern.quote(source[1]) + "\\s+(\\d+) kB")
                        .matcher(Files.readString(Path.of("/proc", Long.toString(p.pid()), source[0])));
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            } catch (IOException e) {
                // try the next source
            }
        }
        return 0;
    }
}
