package checkimage.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads the YAML documents of one file or string as plain values (see {@link YamlTree}).
 *
 * <p>Only composition runs: no object is constructed from tags, and global tags are refused. Limits guard
 * against hostile input: {@value #MAX_BYTES} bytes per file, {@value #MAX_ALIASES} aliases to collections
 * (billion laughs), nesting depth {@value #MAX_DEPTH}, no recursive keys. A new {@link Yaml} is made per
 * call and nothing is static, so loading this class touches no SnakeYAML state.
 */
final class YamlLoader {

    /** The largest YAML input accepted: 4 MiB. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 50;

    /**
     * Reads {@code file} (UTF-8) and loads its documents.
     *
     * @param maxDocuments documents beyond this many are not loaded: the result then has {@code maxDocuments + 1}
     *     entries, so the caller can report "too many"
     * @param firstSecretDocument index of the first document that holds secrets (0 for a secrets file), whose
     *     syntax errors are reported without details
     */
    List<Object> load(Path file, int maxDocuments, int firstSecretDocument) {
        String source = file.toString();
        return load(read(file, source), source, maxDocuments, firstSecretDocument);
    }

    /** Loads the documents of {@code text}, named {@code source} in errors; parameters as for {@link #load(Path, int, int)}. */
    List<Object> load(String text, String source, int maxDocuments, int firstSecretDocument) {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(source);
        }
        Iterator<Node> documents = newYaml().composeAll(new StringReader(text)).iterator();
        List<Object> loaded = new ArrayList<>();
        while (loaded.size() <= maxDocuments) {
            int index = loaded.size();
            try {
                if (!documents.hasNext()) {
                    break;
                }
                loaded.add(YamlTree.of(documents.next(), source));
            } catch (YAMLException e) {
                throw YamlProblems.describe(e, source, index >= firstSecretDocument);
            }
        }
        return loaded;
    }

    /**
     * Composes the documents of {@code text} into SnakeYAML nodes, which keep their marks (line and column), under
     * the same limits; nothing is constructed. A {@code null} entry is an empty document.
     *
     * @param maxDocuments documents beyond this many are not composed: the result then has {@code maxDocuments + 1}
     *     entries
     */
    List<Node> compose(String text, String source, int maxDocuments) {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(source);
        }
        Iterator<Node> documents = newYaml().composeAll(new StringReader(text)).iterator();
        List<Node> composed = new ArrayList<>();
        while (composed.size() <= maxDocuments) {
            try {
                if (!documents.hasNext()) {
                    break;
                }
                composed.add(documents.next());
            } catch (YAMLException e) {
                // manifests may hold Secrets: details that could echo the text are withheld
                throw YamlProblems.describe(e, source, true);
            }
        }
        return composed;
    }

    /** Reads {@code file} as UTF-8 text under the size limit, named {@code source} in errors. */
    static String readText(Path file, String source) {
        return read(file, source);
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes of {@code in} as UTF-8, named {@code source} in errors. */
    static String readText(InputStream in, String source) {
        try {
            return decode(in.readNBytes(MAX_BYTES + 1), source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
    }

    // Reads at most one byte past the limit, so a huge file or an endless pipe is refused without being slurped.
    private static String read(Path file, String source) {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in.readNBytes(MAX_BYTES + 1), source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
    }

    private static String decode(byte[] bytes, String source) throws IOException {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static InputException tooLarge(String source) {
        return new InputException(source, "", "larger than the " + (MAX_BYTES >> 20) + " MiB limit for YAML input");
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_BYTES);
        return new Yaml(new SafeConstructor(options));
    }
}
