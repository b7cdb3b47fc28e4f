package checkimage.input;

import checkimage.credentials.PullSecret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads Kubernetes image pull secrets ({@code --pull-secret FILE}) into {@link PullSecret}s for
 * {@code checkimage.credentials.PullSecretSource}, the YAML or JSON that {@code kubectl get secret -o yaml}
 * (or {@code -o json}) prints and {@code kubectl create secret docker-registry --dry-run=client -o yaml} writes.
 *
 * <p>A file holds one or more YAML documents (JSON is read as YAML); each is a {@code Secret}, or a
 * {@code List} (any {@code kind} ending in {@code List}) whose {@code items} are. A secret of type
 * {@code kubernetes.io/dockerconfigjson} holds a config in {@code data[".dockerconfigjson"]}, one of type
 * {@code kubernetes.io/dockercfg} in {@code data[".dockercfg"]}, both base64; {@code stringData}, which
 * Kubernetes merges over {@code data}, holds it as plain text and wins. Secrets of other types and other kinds
 * are skipped (a dump of a namespace's secrets holds service account tokens too), but a file without any pull
 * secret is an error. A {@code Secret} without {@code kind} is accepted.
 *
 * <p>Every error is an {@link InputException} naming the file (and the document, when there are several) and
 * the key path; YAML syntax errors withhold their details, since the whole file is secret.
 */
public final class PullSecretReader {

    /** The most documents read from one file. */
    static final int MAX_DOCUMENTS = 100;

    private final YamlLoader loader = new YamlLoader();

    /**
     * Reads the pull secrets in {@code file}, which must exist (it was asked for).
     *
     * @throws InputException naming the file when it is missing, unreadable, malformed or holds no pull secret
     */
    public List<PullSecret> read(Path file) {
        String source = file.toString();
        return secretsOf(loader.load(file, MAX_DOCUMENTS, 0), source);
    }

    /** Parses pull secrets from YAML or JSON {@code text} named {@code source}; as for {@link #read(Path)}. */
    public List<PullSecret> parse(String text, String source) {
        return secretsOf(loader.load(text, source, MAX_DOCUMENTS, 0), source);
    }

    private List<PullSecret> secretsOf(List<Object> documents, String source) {
        if (documents.size() > MAX_DOCUMENTS) {
            throw new InputException(source, "", "more than " + MAX_DOCUMENTS + " YAML documents");
        }
        List<PullSecret> secrets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null) {
                String named = documents.size() == 1 ? source : source + " (document " + (i + 1) + ")";
                collect(YamlValue.root(documents.get(i), named).requireMap(), source, secrets, skipped);
            }
        }
        if (secrets.isEmpty()) {
            throw new InputException(
                    source,
                    "",
                    "no image pull secret found (expected a Secret of type "
                            + PullSecret.Format.DOCKER_CONFIG_JSON.type() + " or " + PullSecret.Format.DOCKERCFG.type()
                            + ")"
                            + (skipped.isEmpty() ? "" : "; skipped: " + String.join(", ", skipped)));
        }
        return secrets;
    }

    private static void collect(YamlValue document, String file, List<PullSecret> secrets, List<String> skipped) {
        String kind = document.get("kind").optionalText().orElse("Secret");
        if (kind.endsWith("List")) {
            for (YamlValue item : document.get("items").items()) {
                item.requireMap();
                secretOf(item, file, skipped).ifPresent(secrets::add);
            }
        } else {
            secretOf(document, file, skipped).ifPresent(secrets::add);
        }
    }

    /** The pull secret {@code value} holds, or empty (noted in {@code skipped}) for another kind or type. */
    static Optional<PullSecret> secretOf(YamlValue value, String file, List<String> skipped) {
        String kind = value.get("kind").optionalText().orElse("Secret");
        YamlValue metadata = value.get("metadata");
        String name = metadata.isMap() ? metadata.get("name").optionalText().orElse("") : "";
        if (!kind.equals("Secret")) {
            skipped.add(kind + " '" + name + "'");
            return Optional.empty();
        }
        String type = value.get("type").optionalText().orElse("Opaque");
        Optional<PullSecret.Format> format = PullSecret.Format.ofType(type);
        if (format.isEmpty()) {
            skipped.add("secret '" + name + "' of type " + type);
            return Optional.empty();
        }
        return Optional.of(new PullSecret(file, name, format.get(), configOf(value, format.get())));
    }

    private static String configOf(YamlValue secret, PullSecret.Format format) {
        String key = format.dataKey();
        Optional<YamlValue> plain = entry(secret.get("stringData"), key);
        if (plain.isPresent()) {
            return plain.get().text();
        }
        Optional<YamlValue> encoded = entry(secret.get("data"), key);
        if (encoded.isEmpty()) {
            throw secret.error("a secret of type " + format.type() + " needs data[\"" + key + "\"]");
        }
        return decode(encoded.get());
    }

    /** The entry {@code key} of a map that may itself be absent; empty when either is absent or null. */
    private static Optional<YamlValue> entry(YamlValue map, String key) {
        if (map.isAbsent()) {
            return Optional.empty();
        }
        YamlValue value = map.get(key);
        return value.isAbsent() ? Optional.empty() : Optional.of(value);
    }

    private static String decode(YamlValue value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.text().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // The decoder's message names the offending character: leave it out.
            throw value.error("not valid base64");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw value.error("not UTF-8 text once base64-decoded");
        }
    }
}
