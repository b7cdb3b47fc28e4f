package checkimage.input;

import checkimage.credentials.PullSecret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the pull secrets of the pods of one manifest input, as Kubernetes does:
 * <ul>
 *   <li>a pod's {@code imagePullSecrets}; when it names none, those of its service account
 *       ({@code serviceAccountName}, else {@code default}) when that ServiceAccount is in the input — the
 *       ServiceAccount admission controller adds them only to pods without their own;</li>
 *   <li>each name is looked up in the pod's namespace ({@code default} when none is written) among the
 *       Secrets of the input; one of type {@code kubernetes.io/dockerconfigjson} or {@code kubernetes.io/dockercfg}
 *       is used, in the order named; a missing one, or one of another type, is a warning at the line naming it.</li>
 * </ul>
 * Secrets are decoded only when a pod names them, so an unrelated broken Secret does not stop the run. A secret's
 * {@link PullSecret#file()} is {@code file:line} of its document and its {@link PullSecret#name()} is
 * {@code namespace/name}: provenance then reads {@code pull secret shop/regcred (k8s/secret.yaml:3)}.
 */
final class PodPullSecrets {

    private record Named(String name, SourceLocation location) {}

    private record Pod(
            String namespace, String owner, List<ImagePlace> places, List<Named> secrets, String serviceAccount) {}

    private final Map<String, YamlNode> secrets = new LinkedHashMap<>();
    private final Map<String, List<Named>> serviceAccounts = new LinkedHashMap<>();
    private final List<Pod> pods = new ArrayList<>();
    private final Map<String, Optional<PullSecret>> decoded = new HashMap<>();
    private final List<InputNote> notes = new ArrayList<>();

    void addSecret(YamlNode secret, String namespace, String name) {
        secrets.putIfAbsent(
                namespace + "/"
                        + secret.get("metadata").get("name").optionalString().orElse(name),
                secret);
    }

    void addServiceAccount(YamlNode account, String namespace) {
        account.get("metadata")
                .get("name")
                .optionalString()
                .ifPresent(name ->
                        serviceAccounts.putIfAbsent(namespace + "/" + name, namesOf(account.get("imagePullSecrets"))));
    }

    void addPod(YamlNode spec, String namespace, String owner, List<ImagePlace> places) {
        String account = spec.get("serviceAccountName")
                .optionalString()
                .or(() -> spec.get("serviceAccount").optionalString())
                .filter(a -> !a.isEmpty())
                .orElse("default");
        pods.add(new Pod(namespace, owner, places, namesOf(spec.get("imagePullSecrets")), account));
    }

    /** How many pods have been added, for {@link #forgetPodsAfter}. */
    int podCount() {
        return pods.size();
    }

    /** Forgets the pods added after the first {@code count}: a file that failed half-way contributes nothing. */
    void forgetPodsAfter(int count) {
        pods.subList(count, pods.size()).clear();
    }

    /** Every place with its pod's pull secrets; warnings for secrets named but not usable go to {@link #notes()}. */
    List<ManifestPlace> resolve() {
        notes.clear();
        List<ManifestPlace> resolved = new ArrayList<>();
        for (Pod pod : pods) {
            List<Named> names = pod.secrets.isEmpty()
                    ? serviceAccounts.getOrDefault(pod.namespace + "/" + pod.serviceAccount, List.of())
                    : pod.secrets;
            List<PullSecret> found = new ArrayList<>();
            for (Named named : names) {
                secretFor(pod, named).filter(s -> !found.contains(s)).ifPresent(found::add);
            }
            pod.places.forEach(place -> resolved.add(new ManifestPlace(place, found)));
        }
        return resolved;
    }

    List<InputNote> notes() {
        return List.copyOf(notes);
    }

    private Optional<PullSecret> secretFor(Pod pod, Named named) {
        String key = pod.namespace + "/" + named.name;
        YamlNode secret = secrets.get(key);
        if (secret == null) {
            notes.add(InputNote.warning(
                    named.location,
                    "pull secret " + key + " named by " + pod.owner
                            + " is not in the input; its images are checked with the other credentials"));
            return Optional.empty();
        }
        Optional<PullSecret> pullSecret = decoded.computeIfAbsent(key, k -> decode(secret, k));
        if (pullSecret.isEmpty()) {
            notes.add(InputNote.warning(
                    named.location,
                    "secret " + key + " named by " + pod.owner + " ("
                            + secret.location().where() + ") is of type "
                            + secret.get("type").optionalString().orElse("Opaque")
                            + ", not a pull secret; ignored"));
        }
        return pullSecret;
    }

    private static Optional<PullSecret> decode(YamlNode secret, String key) {
        String where = secret.location().where();
        YamlValue value = YamlValue.root(YamlTree.of(secret.node(), where), where);
        return PullSecretReader.secretOf(value, where, new ArrayList<>())
                .map(s -> new PullSecret(where, key, s.format(), s.config()));
    }

    private static List<Named> namesOf(YamlNode list) {
        if (!list.isList()) {
            return List.of();
        }
        List<Named> names = new ArrayList<>();
        for (YamlNode item : list.items()) {
            YamlNode name = item.get("name");
            name.optionalString().filter(n -> !n.isEmpty()).ifPresent(n -> names.add(new Named(n, name.location())));
        }
        return names;
    }
}
