package checkimage.client;

import checkimage.result.RegistryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per host: how many requests were sent and the lowest remaining quota any answer reported. Thread-safe; one
 * per checker.
 */
final class RegistryTally {

    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong order = new java.util.concurrent.atomic.AtomicLong();

    void sent(String host) {
        hosts.computeIfAbsent(host, this::newHost).sent();
    }

    void answered(String host, RegistryResponse response) {
        RateLimitHeaders.Reading reading = RateLimitHeaders.read(response);
        if (!reading.isEmpty()) {
            hosts.computeIfAbsent(host, this::newHost).record(reading);
        }
    }

    /** One usage per host, in the order hosts were first asked. */
    List<RegistryUsage> usage() {
        List<RegistryUsage> all = new ArrayList<>();
        hosts.values().stream()
                .sorted(java.util.Comparator.comparingLong(h -> h.firstSeen))
                .forEach(h -> all.add(h.usage()));
        return all;
    }

    private Host newHost(String name) {
        return new Host(name, order.incrementAndGet());
    }

    private static final class Host {
        private final String name;
        private final long firstSeen;
        private int requests;
        private RateLimitHeaders.Reading lowest;

        Host(String name, long firstSeen) {
            this.name = name;
            this.firstSeen = firstSeen;
        }

        synchronized void sent() {
            requests++;
        }

        synchronized void record(RateLimitHeaders.Reading reading) {
            if (lowest == null
                    || reading.remaining().isPresent()
                            && (lowest.remaining().isEmpty()
                                    || reading.remaining().getAsLong()
                                            <= lowest.remaining().getAsLong())) {
                lowest = reading;
            }
        }

        synchronized RegistryUsage usage() {
            return lowest == null
                    ? new RegistryUsage(
                            name, requests, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), "")
                    : new RegistryUsage(
                            name,
                            requests,
                            lowest.limit(),
                            lowest.remaining(),
                            lowest.windowSeconds(),
                            lowest.source());
        }
    }
}
