package checkimage.client;

import checkimage.auth.Challenge;
import checkimage.auth.ChallengeParser;
import checkimage.auth.ChallengeSelector;
import checkimage.result.Cause;
import checkimage.result.RegistryErrors;
import checkimage.result.ResponseClassifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Step 1 of the handshake: {@code GET /v2/} once per registry and remember the answer. 200 means no
 * authentication; 401 carries the challenges (RFC 7235), of which we keep one we can answer (Bearer over Basic).
 *
 * <p>HTTPS first. A host listed as plain HTTP is asked over HTTP only; a loopback host that does not speak TLS
 * falls back to HTTP, as Docker does. Concurrent callers for one registry share one ping; a failed ping is
 * remembered for a short while so a batch does not hammer a dead registry.
 */
final class Pinger {

    private static final Duration FAILURE_MEMORY = Duration.ofSeconds(10);

    private final RequestSender sender;
    private final TransportSettings settings;
    private final ChallengeParser parser = new ChallengeParser();
    private final ChallengeSelector selector = new ChallengeSelector();
    private final ConcurrentHashMap<String, CompletableFuture<RegistrySession>> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> failedAt = new ConcurrentHashMap<>();

    Pinger(RequestSender sender, TransportSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** The session for {@code host} (as in the reference, with port), pinging it if nobody has yet. */
    RegistrySession session(String host, Deadline deadline) throws CheckAbort {
        CompletableFuture<RegistrySession> mine = new CompletableFuture<>();
        CompletableFuture<RegistrySession> existing = sessions.putIfAbsent(host, mine);
        if (existing == null) {
            complete(host, mine, deadline);
            existing = mine;
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            forgetStaleFailure(host, existing);
            if (e.getCause() instanceof CheckAbort abort) {
                throw abort;
            }
            throw e.getCause() instanceof RuntimeException bug ? bug : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CheckAbort.unknown(Cause.TIMEOUT, "interrupted while waiting for the ping of " + host);
        }
    }

    private void complete(String host, CompletableFuture<RegistrySession> future, Deadline deadline) {
        try {
            future.complete(ping(host, deadline));
        } catch (CheckAbort abort) {
            failedAt.put(host, System.nanoTime());
            future.completeExceptionally(abort);
        } catch (RuntimeException bug) {
            future.completeExceptionally(bug); // threads waiting for this ping must not wait forever
            throw bug;
        }
    }

    private void forgetStaleFailure(String host, CompletableFuture<RegistrySession> failed) {
        Long at = failedAt.get(host);
        if (at != null && System.nanoTime() - at > FAILURE_MEMORY.toNanos()) {
            sessions.remove(host, failed);
        }
    }

    private RegistrySession ping(String host, Deadline deadline) throws CheckAbort {
        boolean plainOnly = settings.plainHttpHosts().contains(host.toLowerCase(java.util.Locale.ROOT));
        URI https = URI.create((plainOnly ? "http" : "https") + "://" + host + "/");
        try {
            return interpret(host, https, send(https, deadline));
        } catch (TransportException tlsTrouble) {
            boolean fallBack = !plainOnly
                    && settings.allowsPlainHttp(host)
                    && (tlsTrouble.kind() == Cause.TLS || tlsTrouble.kind() == Cause.CONNECT);
            if (!fallBack) {
                throw CheckAbort.of(tlsTrouble);
            }
            return pingPlain(host, deadline, tlsTrouble);
        }
    }

    private RegistrySession pingPlain(String host, Deadline deadline, TransportException tlsTrouble) throws CheckAbort {
        URI http = URI.create("http://" + host + "/");
        try {
            RegistryResponse response = send(http, deadline);
            if (response.status() == 400) {
                throw CheckAbort.of(
                        tlsTrouble); // an HTTPS server refusing plain HTTP: the TLS failure is the real story
            }
            return interpret(host, http, response);
        } catch (TransportException plainTrouble) {
            throw CheckAbort.of(tlsTrouble.kind() == Cause.TLS ? tlsTrouble : plainTrouble);
        }
    }

    private RegistryResponse send(URI base, Deadline deadline) throws TransportException {
        return sender.send(null, RequestStats.Kind.PING, RegistryRequest.get(base.resolve("/v2/"), 8 * 1024), deadline);
    }

    private RegistrySession interpret(String host, URI base, RegistryResponse response) throws CheckAbort {
        int status = response.status();
        if (status == 200) {
            return new RegistrySession(host, base, List.of(), Optional.empty());
        }
        if (status == 401) {
            List<Challenge> offered = parser.parse(response.headerValues("www-authenticate"));
            Optional<Challenge> chosen = selector.select(offered);
            if (chosen.isEmpty()) {
                throw CheckAbort.unknown(
                        Cause.UNEXPECTED_RESPONSE,
                        host + " asks for authentication but offers no usable " + "Basic or Bearer challenge"
                                + (offered.isEmpty() ? "" : " (offered: " + offered + ")"));
            }
            return new RegistrySession(host, base, offered, chosen);
        }
        throw CheckAbort.unknown(
                ResponseClassifier.causeOf(status),
                host + " answered " + status + " to GET /v2/" + (status == 404 ? ": not a registry v2 API" : ""),
                RequestSender.retryAfter(response, java.time.Instant.now()),
                RegistryErrors.parse(response.body()));
    }
}
