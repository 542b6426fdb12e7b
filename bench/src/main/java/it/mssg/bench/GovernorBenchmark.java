package it.mssg.bench;

import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.GovernorVerdict;
import it.mssg.core.domain.sending.MessagePurpose;
import it.mssg.core.domain.sending.SendGovernor;
import it.mssg.core.domain.sending.SendHistory;
import it.mssg.core.domain.sending.SendRequestFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One send-governor verdict (target ≤ 50 µs) with the outbox's own inputs: default settings (caps, quiet
 * hours, warm-up, reply reserve) and a send history as long as the settings' look-back holds on a busy
 * account, {@code sends} sends over the last day to 500 recipients. {@code now} is noon in Rome, outside
 * quiet hours, so the timing rules all run.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GovernorBenchmark {

    @Param({"0", "200", "2000"})
    int sends;

    private SendGovernor governor;
    private SendHistory history;
    private GovernorSettings settings;
    private SendRequestFacts campaign;
    private SendRequestFacts reply;
    private final ZoneId zone = ZoneId.of("Europe/Rome");
    private final Instant now = Instant.parse("2026-11-30T11:00:00Z");

    @Setup
    public void setUp() {
        governor = new SendGovernor(new SplittableRandom(7));
        settings = GovernorSettings.defaults();
        SendHistory.Builder b = SendHistory.builder().linkedAt(now.minus(Duration.ofDays(90)));
        for (int i = 0; i < sends; i++) {
            Instant at = now.minus(Duration.ofSeconds(86_400L * (sends - i) / Math.max(1, sends)));
            b.sent("39333" + String.format("%07d", i % 500) + "@c.us", at, i * 31L, i % 3 == 0);
        }
        history = b.build();
        campaign = new SendRequestFacts("393330000007@c.us", MessagePurpose.CAMPAIGN, 12345L,
                now.minus(Duration.ofDays(3)), null, true);
        reply = new SendRequestFacts("393330000008@c.us", MessagePurpose.REPLY, 54321L,
                now.minus(Duration.ofMinutes(2)), null, true);
    }

    @Benchmark
    public GovernorVerdict campaignVerdict() {
        return governor.verdict(campaign, history, settings, now, zone);
    }

    @Benchmark
    public GovernorVerdict replyVerdict() {
        return governor.verdict(reply, history, settings, now, zone);
    }
}
