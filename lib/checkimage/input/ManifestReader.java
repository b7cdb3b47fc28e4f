package checkimage.input;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads Kubernetes manifests (YAML or JSON, several documents a file, as {@code kubectl apply}, {@code helm
 * template} and {@code kustomize build} write them) into image places with file, line and column.
 *
 * <p>One reader is one input: give it every file ({@link #read}, {@link #parse}), then ask for
 * {@link #images()}, which resolves the pods' pull secrets against the Secrets and ServiceAccounts found in all
 * of them (see {@link PodPullSecrets}).
 *
 * <p>Images come from every pod spec of {@code Pod} ({@code spec}), {@code PodTemplate} ({@code template.spec}),
 * {@code Deployment}, {@code ReplicaSet}, {@code StatefulSet}, {@code DaemonSet}, {@code Job},
 * {@code ReplicationController} ({@code spec.template.spec}) and {@code CronJob}
 * ({@code spec.jobTemplate.spec.template.spec}): {@code containers}, {@code initContainers},
 * {@code ephemeralContainers}. Items of {@code kind: List} and of typed lists ({@code DeploymentList} …, whose
 * items may omit {@code kind}) are read the same way. Other kinds, and documents that are not Kubernetes objects
 * (no {@code apiVersion} and {@code kind}), give a verbose note. YAML is composed under the loader's limits, and
 * nothing is constructed from tags.
 */
public final class ManifestReader {

    /** The most documents read from one file. */
    static final int MAX_DOCUMENTS = 10_000;

    private static final Map<String, List<String>> POD_SPECS = Map.of(
            "Pod", List.of("spec"),
            "PodTemplate", List.of("template", "spec"),
            "Deployment", List.of("spec", "template", "spec"),
            "ReplicaSet", List.of("spec", "template", "spec"),
            "StatefulSet", List.of("spec", "template", "spec"),
            "DaemonSet", List.of("spec", "template", "spec"),
            "Job", List.of("spec", "template", "spec"),
            "ReplicationController", List.of("spec", "template", "spec"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

    private final YamlLoader loader = new YamlLoader();
    private final PodPullSecrets pullSecrets = new PodPullSecrets();
    private final List<InputNote> notes = new ArrayList<>();

    /**
     * Reads the manifests in {@code file}, named {@code shown} in places and messages.
     *
     * @throws InputException naming the file and line when it is unreadable or not manifests
     */
    public ManifestReader read(Path file, String shown) {
        return parse(YamlLoader.readText(file, shown), shown);
    }

    /** Reads manifests from {@code in} (standard input), named {@code shown}; as for {@link #read}. */
    public ManifestReader read(InputStream in, String shown) {
        return parse(YamlLoader.readText(in, shown), shown);
    }

    /** Reads the manifests in {@code text}, named {@code shown}; as for {@link #read}. */
    public ManifestReader parse(String text, String shown) {
        List<Node> documents = loader.compose(text, shown, MAX_DOCUMENTS);
        if (documents.size() > MAX_DOCUMENTS) {
            throw new InputException(shown, "", "more than " + MAX_DOCUMENTS + " YAML documents");
        }
        int pods = pullSecrets.podCount();
        int noted = notes.size();
        int found = 0;
        try {
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i) != null) {
                    found += document(YamlNode.root(documents.get(i), shown), i + 1);
                }
            }
        } catch (InputException e) {
            pullSecrets.forgetPodsAfter(pods);
            notes.subList(noted, notes.size()).clear();
            throw e;
        }
        if (found == 0) {
            notes.add(InputNote.verbose(shown + ": no pod spec, no image"));
        }
        return this;
    }

    /** Every image place read so far, with its pod's pull secrets resolved against everything read so far. */
    public ManifestImages images() {
        List<ManifestPlace> places = pullSecrets.resolve();
        List<InputNote> all = new ArrayList<>(notes);
        all.addAll(pullSecrets.notes());
        return new ManifestImages(places, all);
    }

    /** Reads one document; returns how many pod specs it held. */
    private int document(YamlNode root, int number) {
        if (root.isAbsent()) {
            return 0; // an empty document, as helm template leaves between files
        }
        Optional<String> kind = root.get("kind").optionalString();
        if (!root.isMap()
                || kind.isEmpty()
                || root.get("apiVersion").optionalString().isEmpty()) {
            notes.add(InputNote.verbose(root.location().where() + ": document " + number
                    + " is not a Kubernetes object (no apiVersion and kind); skipped"));
            return 0;
        }
        return object(root, kind.get());
    }

    private int object(YamlNode object, String kind) {
        if (kind.endsWith("List")) {
            String itemKind = kind.equals("List") ? "" : kind.substring(0, kind.length() - "List".length());
            int found = 0;
            for (YamlNode item : object.get("items").items()) {
                Optional<String> own = item.requireMap().get("kind").optionalString();
                if (own.isEmpty() && itemKind.isEmpty()) {
                    notes.add(
                            InputNote.verbose(item.location().where() + ": " + item.path() + " has no kind; skipped"));
                    continue;
                }
                found += object(item, own.orElse(itemKind));
            }
            return found;
        }
        String name = nameOf(object);
        List<String> specPath = POD_SPECS.get(kind);
        if (specPath != null) {
            pod(object, kind + " " + name, specPath);
            return 1;
        }
        if (kind.equals("Secret")) {
            pullSecrets.addSecret(object, namespaceOf(object), name);
        } else if (kind.equals("ServiceAccount")) {
            pullSecrets.addServiceAccount(object, namespaceOf(object));
        }
        notes.add(InputNote.verbose(object.location().where() + ": " + kind + " " + name + " holds no pod spec"));
        return 0;
    }

    private void pod(YamlNode object, String owner, List<String> specPath) {
        YamlNode spec = object;
        for (String key : specPath) {
            spec = spec.get(key);
        }
        if (spec.isAbsent()) {
            notes.add(InputNote.verbose(
                    object.location().where() + ": " + owner + " has no " + spec.path() + "; no image"));
            return;
        }
        spec.requireMap();
        pullSecrets.addPod(spec, namespaceOf(object), owner, PodSpecImages.of(spec, owner));
    }

    /** {@code namespace/name} when a namespace is written, else the name alone. */
    private static String nameOf(YamlNode object) {
        YamlNode metadata = object.get("metadata");
        String name = metadata.get("name")
                .optionalString()
                .or(() -> metadata.get("generateName").optionalString().map(prefix -> prefix + "*"))
                .orElse("(unnamed)");
        return metadata.get("namespace")
                .optionalString()
                .filter(ns -> !ns.isEmpty())
                .map(ns -> ns + "/" + name)
                .orElse(name);
    }

    private static String namespaceOf(YamlNode object) {
        return object.get("metadata")
                .get("namespace")
                .optionalString()
                .filter(ns -> !ns.isEmpty())
                .orElse("default");
    }
}
