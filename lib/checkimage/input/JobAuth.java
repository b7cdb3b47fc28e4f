package checkimage.input;

import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code auth} of a docker image prerequisite, with secrets already rendered.
 *
 * <p>The username and registry are treated as identifiers and may be printed; the password is a
 * {@link Secret} and prints as {@code ***}.
 *
 * @param username the registry username, never empty
 * @param password the password or access token, never empty
 * @param registryUri the {@code registryuri} as written (after rendering), if given
 * @param prerequisite the name of the prerequisite this auth belongs to, for provenance
 */
public record JobAuth(String username, Secret password, Optional<String> registryUri, String prerequisite) {

    /** The canonical name of Docker Hub, as image references spell it. */
    public static final String DOCKER_HUB = "docker.io";

    private static final Set<String> DOCKER_HUB_ALIASES =
            Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    public JobAuth {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(registryUri, "registryUri");
        Objects.requireNonNull(prerequisite, "prerequisite");
    }

    /** The registry host of {@link #registryUri()}, normalized by {@link #registryHostOf(String)}; empty if not given. */
    public Optional<String> registryHost() {
        return registryUri.map(JobAuth::registryHostOf);
    }

    /**
     * Whether this auth is meant for an image on {@code registry} (a host as written in a reference, e.g.
     * {@code docker.io} or {@code localhost:5000}): always when no {@code registryuri} is given, else when
     * both normalize to the same host. OpenPAI ignores the auth of a Docker Hub image whose
     * {@code registryuri} is another registry; this is the general form of that rule.
     */
    public boolean appliesTo(String registry) {
        return registryHost().map(host -> host.equals(registryHostOf(registry))).orElse(true);
    }

    /** This auth as a credential whose source reads {@code job auth (<prerequisite>)}. */
    public Credential.UsernamePassword toCredential() {
        return new Credential.UsernamePassword(username, password, "job auth (" + prerequisite + ")");
    }

    /**
     * Normalizes a {@code registryuri} to a registry host: strips surrounding whitespace, a scheme
     * ({@code https://}), trailing slashes and a trailing {@code /v1} or {@code /v2} API path, and lower-cases
     * the host. Docker Hub's names ({@code index.docker.io}, {@code registry-1.docker.io},
     * {@code registry.hub.docker.com}) become {@value #DOCKER_HUB}, so {@code https://index.docker.io/v1/}
     * is {@code docker.io}. Any other path is kept. The result may be empty (e.g. for {@code https://}).
     */
    public static String registryHostOf(String registryUri) {
        String uri = registryUri.strip();
        int scheme = uri.indexOf("://");
        uri = stripTrailingSlashes(scheme >= 0 ? uri.substring(scheme + 3) : uri);
        if (uri.endsWith("/v1") || uri.endsWith("/v2")) {
            uri = stripTrailingSlashes(uri.substring(0, uri.length() - 3));
        }
        int slash = uri.indexOf('/');
        String host = (slash < 0 ? uri : uri.substring(0, slash)).toLowerCase(Locale.ROOT);
        String normalized = slash < 0 ? host : host + uri.substring(slash);
        return DOCKER_HUB_ALIASES.contains(normalized) ? DOCKER_HUB : normalized;
    }

    private static String stripTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }
}
