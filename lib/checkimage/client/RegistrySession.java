package checkimage.client;

import checkimage.auth.Challenge;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a ping of {@code /v2/} taught us about one registry: the base URI that answered (https, or http where
 * allowed) and the authentication challenge we chose among those offered, if any.
 */
record RegistrySession(String host, URI base, List<Challenge> offered, Optional<Challenge> chosen) {

    RegistrySession {
        offered = List.copyOf(offered);
    }

    boolean isPlainHttp() {
        return "http".equals(base.getScheme());
    }

    /** The URI of {@code path} below the registry root, e.g. {@code /v2/library/ubuntu/manifests/latest}. */
    URI resolve(String path) {
        return base.resolve(path);
    }
}
