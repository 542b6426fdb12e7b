package it.mssg.bridge.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockedRequestsTest {

    private final EgressPolicy policy = EgressPolicy.live();

    @Test
    void countsByCategoryAndHostMostBlockedFirst() {
        BlockedRequests blocked = new BlockedRequests();
        assertThat(blocked.record(policy.decide("https://analytics.google.com/g/collect?a=1"))).isTrue();
        assertThat(blocked.record(policy.decide("https://analytics.google.com/g/collect?a=2"))).isFalse();
        assertThat(blocked.record(policy.decide("https://crashlogs.whatsapp.net/wa_clb_data"))).isTrue();
        assertThat(blocked.record(policy.decide("https://evil.tld/"))).isTrue();

        BlockedRequests.Snapshot snapshot = blocked.snapshot();
        assertThat(snapshot.total()).isEqualTo(4);
        assertThat(snapshot.of(EgressPolicy.Category.ANALYTICS)).isEqualTo(2);
        assertThat(snapshot.of(EgressPolicy.Category.CRASH_LOGS)).isEqualTo(1);
        assertThat(snapshot.of(EgressPolicy.Category.NOT_ALLOWED)).isEqualTo(1);
        assertThat(snapshot.hosts()).containsExactly(
                new BlockedRequests.HostCount("analytics.google.com", EgressPolicy.Category.ANALYTICS, 2),
                new BlockedRequests.HostCount("crashlogs.whatsapp.net", EgressPolicy.Category.CRASH_LOGS, 1),
                new BlockedRequests.HostCount("evil.tld", EgressPolicy.Category.NOT_ALLOWED, 1));
    }

    @Test
    void nothingBlockedIsAnEmptySnapshot() {
        BlockedRequests.Snapshot snapshot = new BlockedRequests().snapshot();
        assertThat(snapshot.total()).isZero();
        assertThat(snapshot.of(EgressPolicy.Category.ANALYTICS)).isZero();
        assertThat(snapshot.hosts()).isEmpty();
    }

    @Test
    void allowedRequestsAreNotCounted() {
        assertThatThrownBy(() -> new BlockedRequests().record(policy.decide("https://web.whatsapp.com/")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyHostsAreCappedIntoOneLineButEveryRequestCounts() {
        BlockedRequests blocked = new BlockedRequests();
        for (int i = 0; i < BlockedRequests.MAX_HOSTS + 50; i++) {
            blocked.record(policy.decide("https://h" + i + ".evil.tld/"));
        }
        BlockedRequests.Snapshot snapshot = blocked.snapshot();
        assertThat(snapshot.total()).isEqualTo(BlockedRequests.MAX_HOSTS + 50);
        assertThat(snapshot.hosts()).hasSize(BlockedRequests.MAX_HOSTS + 1);
        assertThat(snapshot.hosts().get(0)).isEqualTo(
                new BlockedRequests.HostCount(BlockedRequests.OTHER_HOSTS, EgressPolicy.Category.NOT_ALLOWED, 50));
    }

    @Test
    void recordingFromManyThreadsLosesNothing() throws Exception {
        BlockedRequests blocked = new BlockedRequests();
        EgressPolicy.Decision decision = policy.decide("https://dit.whatsapp.net/deidentified_telemetry");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        blocked.record(decision);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(blocked.snapshot().of(EgressPolicy.Category.ANALYTICS)).isEqualTo(40_000);
    }
}
