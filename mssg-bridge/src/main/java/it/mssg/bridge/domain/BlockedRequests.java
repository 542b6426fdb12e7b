package it.mssg.bridge.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the {@link EgressPolicy} blocked since the application started, by category and host.
 * Kept in memory only; safe to record from the browser thread while screens read it. Hosts only, never
 * addresses: paths and queries can hold personal data.
 */
public final class BlockedRequests {

    /** Beyond this many distinct hosts, new ones are counted together, so a page cannot grow the map without end. */
    static final int MAX_HOSTS = 100;
    static final String OTHER_HOSTS = "(other hosts)";

    public record HostCount(String host, EgressPolicy.Category category, long count) {
    }

    /** @param hosts most blocked first */
    public record Snapshot(long total, Map<EgressPolicy.Category, Long> byCategory, List<HostCount> hosts) {
        public Snapshot {
            byCategory = Map.copyOf(byCategory);
            hosts = List.copyOf(hosts);
        }

        public long of(EgressPolicy.Category category) {
            return byCategory.getOrDefault(category, 0L);
        }
    }

    private record Key(String host, EgressPolicy.Category category) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * Counts one blocked request.
     *
     * @return true when this host was not blocked before in this category (worth one line in the log)
     */
    public boolean record(EgressPolicy.Decision decision) {
        if (decision.allowed()) {
            throw new IllegalArgumentException("only blocked requests are counted: " + decision);
        }
        Key key = new Key(decision.host(), decision.blockedAs());
        if (!counts.containsKey(key) && counts.size() >= MAX_HOSTS) {
            key = new Key(OTHER_HOSTS, decision.blockedAs());
        }
        boolean[] first = {false};
        counts.computeIfAbsent(key, k -> {
            first[0] = true;
            return new LongAdder();
        }).increment();
        return first[0];
    }

    public Snapshot snapshot() {
        Map<EgressPolicy.Category, Long> byCategory = new EnumMap<>(EgressPolicy.Category.class);
        List<HostCount> hosts = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Key, LongAdder> entry : counts.entrySet()) {
            long count = entry.getValue().sum();
            total += count;
            byCategory.merge(entry.getKey().category(), count, Long::sum);
            hosts.add(new HostCount(entry.getKey().host(), entry.getKey().category(), count));
        }
        hosts.sort(Comparator.comparingLong(HostCount::count).reversed().thenComparing(HostCount::host));
        return new Snapshot(total, byCategory, hosts);
    }
}
