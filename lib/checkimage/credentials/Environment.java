package checkimage.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment variables and home directory the credential sources locate their files with, passed in so
 * that nothing here reads the real environment: {@code DOCKER_CONFIG}, {@code REGISTRY_AUTH_FILE},
 * {@code XDG_RUNTIME_DIR}, {@code XDG_CONFIG_HOME} and {@code PATH}.
 *
 * <p>{@link #toString()} names the home directory and counts the variables but never shows a value: an
 * environment often holds tokens.
 *
 * @param variables the environment, e.g. {@code System.getenv()}
 * @param home the user's home directory ({@code ~}), e.g. from {@code HOME}
 */
public record Environment(Map<String, String> variables, Path home) {

    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(home, "home");
    }

    /**
     * An environment whose home is {@code HOME} when that is set and not empty, else {@code fallbackHome}
     * (e.g. the {@code user.home} system property).
     */
    public static Environment of(Map<String, String> variables, Path fallbackHome) {
        String home = variables.get("HOME");
        return new Environment(variables, home == null || home.isBlank() ? fallbackHome : Path.of(home));
    }

    /** The variable's value; empty when it is unset or empty (an empty XDG variable counts as unset). */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "Environment[home=" + home + ", " + variables.size() + " variables]";
    }
}
