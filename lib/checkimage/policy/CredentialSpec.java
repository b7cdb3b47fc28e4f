package checkimage.policy;

import checkimage.credentials.Credential;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One source in a policy's {@code credentials} chain. {@link Env} is resolved when the policy is loaded; the
 * other kinds describe a source for the command line to build ({@code docker-credential-<name>}, Docker's and
 * Podman's auth files). Switch over {@link #kind()} without {@code default} so every kind is wired.
 */
public sealed interface CredentialSpec {

    /** The kinds of source, for exhaustive switch expressions. */
    enum Kind {
        ENV,
        HELPER,
        DOCKER_CONFIG,
        PODMAN_AUTH,
        AUTH_FILE
    }

    Kind kind();

    /** Where the source was written, e.g. {@code policy.groovy, line 3}. */
    String origin();

    /** {@code env 'GHCR_USER', 'GHCR_TOKEN'}: a username and a secret read from the environment at load time. */
    record Env(String userVariable, String secretVariable, Credential.UsernamePassword credential, String origin)
            implements CredentialSpec {
        public Env {
            Objects.requireNonNull(userVariable, "userVariable");
            Objects.requireNonNull(secretVariable, "secretVariable");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Kind kind() {
            return Kind.ENV;
        }
    }

    /** {@code helper 'ecr-login'}: ask {@code docker-credential-ecr-login}. */
    record Helper(String name, String origin) implements CredentialSpec {
        public Helper {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Kind kind() {
            return Kind.HELPER;
        }
    }

    /** {@code dockerConfig()}: Docker's {@code config.json} ({@code $DOCKER_CONFIG}, else {@code ~/.docker}), its auths and helpers. */
    record DockerConfig(String origin) implements CredentialSpec {
        public DockerConfig {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Kind kind() {
            return Kind.DOCKER_CONFIG;
        }
    }

    /** {@code podmanAuth()}: Podman's {@code auth.json} ({@code $REGISTRY_AUTH_FILE}, else {@code $XDG_RUNTIME_DIR/containers}). */
    record PodmanAuth(String origin) implements CredentialSpec {
        public PodmanAuth {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Kind kind() {
            return Kind.PODMAN_AUTH;
        }
    }

    /** {@code authFile 'auth.json'}: an auth file in Docker's format; the path is absolute and existed at load time. */
    record AuthFile(Path path, String origin) implements CredentialSpec {
        public AuthFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Kind kind() {
            return Kind.AUTH_FILE;
        }
    }
}
