package checkimage.input;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an OpenPAI job config (protocol v2) into a {@link JobConfig}: for each task role, the docker image
 * prerequisite its {@code dockerImage} names, with that prerequisite's {@code uri} and rendered {@code auth}.
 *
 * <p>The job file holds one YAML document, or two: the job, then a map of secrets (the single-file form).
 * Secrets given separately ({@link #read(Path, Path)}) win over a second document, which is then ignored.
 * Secret placeholders are rendered in the {@code auth} fields only ({@code username}, {@code password},
 * {@code registryuri}); see {@link SecretRenderer}.
 *
 * <p>What is read, and how loosely:
 * <ul>
 *   <li>{@code protocolVersion}, if present, must be 2; other top-level keys are ignored.</li>
 *   <li>{@code prerequisites} is a list of maps, each with a non-empty {@code name}, unique across all
 *       prerequisites (a {@code dockerImage} reference must be unambiguous). Those of {@code type}
 *       {@code dockerimage} (any case) must have a non-empty {@code uri}; other types are not read further.</li>
 *   <li>A prerequisite without {@code type} is accepted as a docker image when a task role names it, as
 *       OpenPAI's image checker matches by name alone; a prerequisite of another type named by
 *       {@code dockerImage} is an error.</li>
 *   <li>{@code taskRoles} is a non-empty map of role name to a map with a non-empty {@code dockerImage}.</li>
 *   <li>{@code auth} is optional. Empty or null fields count as not given; with neither username nor
 *       password the image has no auth (OpenPAI's web portal writes empty auth blocks), with only one of
 *       them it is an error. A blank {@code registryuri} counts as not given.</li>
 * </ul>
 * Every error is an {@link InputException} naming the file and key path; none carries a secret value.
 */
public final class JobConfigReader {

    private static final int MAX_DOCUMENTS = 2;
    private static final int SECRETS_DOCUMENT = 1;

    private final YamlLoader loader = new YamlLoader();

    /** Reads {@code jobFile}; secrets, if any, come from its second YAML document. */
    public JobConfig read(Path jobFile) {
        return assemble(loader.load(jobFile, MAX_DOCUMENTS, SECRETS_DOCUMENT), jobFile.toString(), Optional.empty());
    }

    /**
     * Reads {@code jobFile} with the secrets in {@code secretsFile}, which must exist (it was asked for).
     *
     * @throws InputException naming {@code secretsFile} when it is missing, unreadable or malformed
     */
    public JobConfig read(Path jobFile, Path secretsFile) {
        Objects.requireNonNull(secretsFile, "secretsFile");
        List<Object> documents = loader.load(jobFile, MAX_DOCUMENTS, SECRETS_DOCUMENT);
        return assemble(documents, jobFile.toString(), Optional.of(Secrets.read(secretsFile)));
    }

    /** Parses job YAML text named {@code source}; secrets, if any, come from its second document. */
    public JobConfig parse(String jobYaml, String source) {
        return assemble(loader.load(jobYaml, source, MAX_DOCUMENTS, SECRETS_DOCUMENT), source, Optional.empty());
    }

    /**
     * Parses job YAML text named {@code source} with {@code secrets}, which win over a second document;
     * {@link Secrets#none()} means "none given here", so a second document is then used.
     */
    public JobConfig parse(String jobYaml, String source, Secrets secrets) {
        List<Object> documents = loader.load(jobYaml, source, MAX_DOCUMENTS, SECRETS_DOCUMENT);
        return assemble(
                documents,
                source,
                Optional.of(secrets).filter(given -> given.origin().isPresent()));
    }

    /**
     * Where each docker image prerequisite's {@code uri} value is written in {@code jobFile}, by prerequisite name,
     * for reports; {@code shown} names the file. Call after {@link #read}, which validated the file.
     */
    public Map<String, SourceLocation> imageLocations(Path jobFile, String shown) {
        List<Node> documents = loader.compose(YamlLoader.readText(jobFile, shown), shown, MAX_DOCUMENTS);
        Map<String, SourceLocation> locations = new HashMap<>();
        if (documents.isEmpty() || documents.get(0) == null) {
            return locations;
        }
        YamlNode prerequisites = YamlNode.root(documents.get(0), shown).get("prerequisites");
        if (prerequisites.isList()) {
            for (YamlNode prerequisite : prerequisites.items()) {
                YamlNode uri = prerequisite.get("uri");
                prerequisite
                        .get("name")
                        .optionalString()
                        .filter(n -> !uri.isMissing())
                        .ifPresent(name -> locations.putIfAbsent(name, uri.location()));
            }
        }
        return locations;
    }

    private static JobConfig assemble(List<Object> documents, String source, Optional<Secrets> separate) {
        if (documents.size() > MAX_DOCUMENTS) {
            throw new InputException(
                    source, "", "expected at most two YAML documents (the job, then its secrets)," + " found more");
        }
        if (documents.isEmpty() || documents.get(0) == null) {
            throw new InputException(
                    source,
                    "",
                    "empty file: expected an OpenPAI job config"
                            + (documents.isEmpty() ? "" : " in the first YAML document"));
        }
        Secrets secrets = separate.orElseGet(() -> documents.size() > SECRETS_DOCUMENT
                ? Secrets.ofDocument(
                        documents.get(SECRETS_DOCUMENT),
                        source,
                        "the second document of " + source,
                        "in the second YAML document")
                : Secrets.none());
        return JobConfigParser.parse(documents.get(0), source, secrets);
    }
}
