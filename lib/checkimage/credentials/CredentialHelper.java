package checkimage.credentials;

import checkimage.json.Json;
import checkimage.json.JsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A credential helper, as docker and the containers tools run them
 * (<a href="https://github.com/docker/docker-credential-helpers">docker-credential-helpers</a> protocol):
 * {@code docker-credential-<name> get} reads the server URL on standard input and answers
 * {@code {"ServerURL": .., "Username": .., "Secret": ..}} on standard output.
 *
 * <ul>
 *   <li>The server URL is the registry host ({@code ghcr.io}, {@code localhost:5000}); for Docker Hub it is
 *       {@value #DOCKER_HUB_SERVER}, the key {@code docker login} stores Hub credentials under.</li>
 *   <li>A non-zero exit whose output is {@value #NOT_FOUND} means "nothing stored": {@link #get} answers
 *       empty and the caller tries its next source. So does an answer with an empty {@code Secret}.</li>
 *   <li>The username {@code <token>} marks an identity token: the answer is a {@link Credential.IdentityToken}.</li>
 *   <li>A helper that is not on the search path, does not answer within the timeout (it is then stopped,
 *       with whatever it started), exits non-zero otherwise, or prints anything but that JSON object is a
 *       {@link CredentialException} naming the helper, the registry and the source. The message gives the
 *       exit code at most: the helper's own output and standard error are never shown, because they may
 *       hold the secret.</li>
 * </ul>
 *
 * <p>The executable is looked up only in the directories passed in (so a spec can put a fake helper on its
 * own path), and answers are remembered per server URL for the lifetime of this object, failures included, so a
 * batch of images on one registry runs the helper once.
 */
public final class CredentialHelper {

    /** How long a helper may take when no other timeout is given: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** What a helper prints, and exits non-zero with, when it has nothing for the server URL. */
    public static final String NOT_FOUND = "credentials not found in native keychain";

    /** The server URL Docker Hub credentials are stored under. */
    public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

    /** The username a helper answers with for an identity token. */
    public static final String TOKEN_USERNAME = "<token>";

    private final String name;
    private final List<Path> searchPath;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    /**
     * @param name the helper name, e.g. {@code ecr-login} for {@code docker-credential-ecr-login}
     * @param searchPath the directories to look for the executable in, in order (the {@code PATH})
     * @param timeout how long one run may take before it is stopped
     * @throws IllegalArgumentException when the name is not letters, digits, '.', '_' and '-'
     */
    public CredentialHelper(String name, List<Path> searchPath, Duration timeout) {
        if (!AuthFile.isHelperName(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException(
                    "invalid credential helper name (expected letters, digits, '.', '_' or '-')");
        }
        this.name = name;
        this.searchPath = List.copyOf(searchPath);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public String name() {
        return name;
    }

    /** {@code docker-credential-<name>}. */
    public String executableName() {
        return "docker-credential-" + name;
    }

    /** The server URL a helper is asked about for {@code registry}: the host, or {@value #DOCKER_HUB_SERVER}. */
    public static String serverUrl(String registry) {
        String host = RegistryKeys.host(registry);
        return RegistryKeys.DOCKER_HUB.equals(host) ? DOCKER_HUB_SERVER : host;
    }

    /**
     * The credential the helper holds for {@code registry}, with {@code source} as its provenance, or empty
     * when it holds none.
     *
     * @throws CredentialException when the helper is missing, hangs, fails or answers garbage
     */
    public Optional<Credential> get(String registry, String source) {
        Answer answer = answerFor(serverUrl(registry));
        if (answer.failure != null) {
            throw new CredentialException("credential helper " + executableName() + " failed for registry " + registry
                    + " (" + source + "): " + answer.failure);
        }
        if (answer.secret == null) {
            return Optional.empty();
        }
        if (TOKEN_USERNAME.equals(answer.username)) {
            return Optional.of(new Credential.IdentityToken(null, answer.secret, source));
        }
        return Optional.of(new Credential.UsernamePassword(answer.username, answer.secret, source));
    }

    private Answer answerFor(String server) {
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> existing = answers.putIfAbsent(server, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(ask(server));
        } catch (RuntimeException bug) {
            mine.completeExceptionally(bug); // threads waiting for this helper must not wait forever
            throw bug;
        }
        return mine.join();
    }

    private Answer ask(String server) {
        Optional<Path> executable = locate();
        if (executable.isEmpty()) {
            return Answer.failed("not found on the search path (PATH)");
        }
        HelperProcess.Outcome outcome;
        try {
            outcome = HelperProcess.run(executable.get(), server, timeout);
        } catch (HelperProcess.TimedOut e) {
            return Answer.failed("did not answer within " + timeout.toMillis() + " ms and was stopped");
        } catch (IOException e) {
            return Answer.failed("could not be run (" + e.getMessage() + ")");
        }
        if (outcome.exitCode() != 0) {
            return NOT_FOUND.equals(outcome.output().strip())
                    ? Answer.NONE
                    : Answer.failed("exited with code " + outcome.exitCode());
        }
        if (outcome.truncated()) {
            return Answer.failed("answered with more than " + (HelperProcess.MAX_OUTPUT >> 10) + " KiB");
        }
        return interpret(outcome.output());
    }

    private static Answer interpret(String output) {
        Object parsed;
        try {
            parsed = Json.parse(output.strip());
        } catch (JsonException e) {
            return Answer.failed("answered with output that is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            return Answer.failed("answered with JSON that is not an object");
        }
        Object username = fields.get("Username");
        Object secret = fields.get("Secret");
        if (username != null && !(username instanceof String) || secret != null && !(secret instanceof String)) {
            return Answer.failed("answered with a Username or Secret that is not a string");
        }
        if (secret == null || ((String) secret).isEmpty()) {
            return Answer.NONE;
        }
        return new Answer(username == null ? "" : (String) username, Secret.of((String) secret), null);
    }

    private Optional<Path> locate() {
        for (Path directory : searchPath) {
            for (String candidate : List.of(executableName(), executableName() + ".exe")) {
                Path file = directory.resolve(candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "credential helper " + executableName();
    }

    /** One answer: a credential (secret set), nothing stored (all null), or a failure, described safely. */
    private static final class Answer {
        static final Answer NONE = new Answer(null, null, null);

        final String username;
        final Secret secret;
        final String failure;

        Answer(String username, Secret secret, String failure) {
            this.username = username;
            this.secret = secret;
            this.failure = failure;
        }

        static Answer failed(String failure) {
            return new Answer(null, null, failure);
        }
    }
}
