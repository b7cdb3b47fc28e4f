package checkimage.credentials;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes image pull secret, read from a manifest (the input package's {@code PullSecretReader} reads
 * YAML and JSON files) and already base64-decoded: the docker config it holds, still as JSON text.
 *
 * <p>{@link #toString()} names the file, the secret and its type, never the config.
 *
 * @param file the file it was read from, as the user named it
 * @param name the secret's {@code metadata.name}; empty when it has none
 * @param format its {@code type}, which says how {@code config} is shaped
 * @param config the decoded {@code data[".dockerconfigjson"]} or {@code data[".dockercfg"]}
 */
public record PullSecret(String file, String name, Format format, String config) {

    /** The two secret types that hold registry credentials. */
    public enum Format {
        /** {@code kubernetes.io/dockerconfigjson}: a {@code config.json}, {@code {"auths": {...}}}. */
        DOCKER_CONFIG_JSON("kubernetes.io/dockerconfigjson", ".dockerconfigjson"),
        /** {@code kubernetes.io/dockercfg}: the legacy {@code ~/.dockercfg}, the {@code auths} map alone. */
        DOCKERCFG("kubernetes.io/dockercfg", ".dockercfg");

        private final String type;
        private final String dataKey;

        Format(String type, String dataKey) {
            this.type = type;
            this.dataKey = dataKey;
        }

        /** The secret {@code type}, e.g. {@code kubernetes.io/dockerconfigjson}. */
        public String type() {
            return type;
        }

        /** The key in {@code data} that holds the config, e.g. {@code .dockerconfigjson}. */
        public String dataKey() {
            return dataKey;
        }

        /** The format of a secret {@code type}; empty for any other type ({@code Opaque} ...). */
        public static Optional<Format> ofType(String type) {
            return Arrays.stream(values()).filter(f -> f.type.equals(type)).findFirst();
        }
    }

    public PullSecret {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(config, "config");
    }

    /** {@code FILE} or {@code FILE (secret NAME)}, for messages. */
    public String describe() {
        return name.isEmpty() ? file : file + " (secret " + name + ")";
    }

    @Override
    public String toString() {
        return "PullSecret[file=" + file + ", name=" + name + ", type=" + format.type() + ", config=***]";
    }
}
