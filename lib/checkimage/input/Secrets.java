package checkimage.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets a job config's {@code auth} fields may refer to as {@code <% $secrets.key %>}: a YAML map,
 * loaded from a secrets file or from the second document of the job file, with every scalar kept as the
 * text written in the file.
 *
 * <p>{@link #toString()} names where the secrets came from and their top-level key names, never a value.
 * Values are read only by {@link SecretRenderer}.
 */
public final class Secrets {

    private static final Secrets NONE = new Secrets(Map.of(), Optional.empty());

    private final Map<String, Object> values;
    private final Optional<String> origin;

    private Secrets(Map<String, Object> values, Optional<String> origin) {
        this.values = values;
        this.origin = origin;
    }

    /** No secrets were given at all; any placeholder is then an error. */
    public static Secrets none() {
        return NONE;
    }

    /**
     * Reads a secrets file: one YAML document holding a map. An empty file means no keys, as OpenPAI's
     * runtime writes an empty secrets file for jobs without secrets.
     *
     * @throws InputException naming the file when it is missing, unreadable, malformed or not a map
     */
    public static Secrets read(Path file) {
        String source = file.toString();
        return ofDocuments(new YamlLoader().load(file, 1, 0), source);
    }

    /** Parses secrets from YAML text named {@code source}; contract as for {@link #read(Path)}. */
    public static Secrets parse(String yaml, String source) {
        return ofDocuments(new YamlLoader().load(yaml, source, 1, 0), source);
    }

    /**
     * Secrets from an already loaded document of {@code source}; {@code origin} says where they came from in
     * messages, e.g. {@code the second document of job.yaml}, and {@code place} where the map was expected.
     */
    static Secrets ofDocument(Object document, String source, String origin, String place) {
        if (document == null) {
            return new Secrets(Map.of(), Optional.of(origin));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InputException(
                    source, "", "expected a map of secrets " + place + ", got " + YamlValue.kindOf(document));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) map;
        return new Secrets(values, Optional.of(origin));
    }

    private static Secrets ofDocuments(List<Object> documents, String source) {
        if (documents.size() > 1) {
            throw new InputException(source, "", "expected one YAML document of secrets, found more");
        }
        return ofDocument(documents.isEmpty() ? null : documents.get(0), source, source, "at the top level");
    }

    /** Where the secrets came from (a file name or {@code the second document of <job file>}); empty for {@link #none()}. */
    public Optional<String> origin() {
        return origin;
    }

    /** True when there is no key at all. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The top-level key names in file order. Names are not secret; values are. */
    public List<String> topLevelKeys() {
        return List.copyOf(values.keySet());
    }

    /** The values tree (maps, lists, scalar text, null); for {@link SecretRenderer} only. */
    Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return origin.map(o -> "Secrets[from " + o + "; keys: " + String.join(", ", values.keySet()) + "]")
                .orElse("Secrets[none]");
    }
}
