package checkimage.client;

import checkimage.credentials.CredentialSource;
import checkimage.reference.Platform;
import checkimage.registries.RegistryRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Everything an {@link ImageChecker} is built with; immutable. */
record CheckerOptions(
        CredentialSource credentials,
        TransportSettings transport,
        RetryPolicy retry,
        Duration timeout,
        int concurrency,
        int perRegistry,
        int tokenBatch,
        List<Platform> platforms,
        RegistryRoutes routes,
        RequestPace pace,
        CheckListener listener,
        Clock clock) {

    CheckerOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeout, "timeout");
        platforms = List.copyOf(platforms);
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        if (concurrency < 1 || perRegistry < 1) {
            throw new IllegalArgumentException("concurrency and perRegistry must be at least 1");
        }
    }
}
