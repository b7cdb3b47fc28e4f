package checkimage.input;

import checkimage.credentials.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the job document (already loaded) into a {@link JobConfig}; see {@link JobConfigReader} for the
 * contract. Every docker image prerequisite is validated and its auth rendered, whether or not a role uses it.
 */
final class JobConfigParser {

    private static final String DOCKER_IMAGE = "dockerimage";

    private final String source;
    private final SecretRenderer renderer;
    private final Map<String, Prerequisite> prerequisites = new LinkedHashMap<>();
    private final Map<String, JobImageSpec> images = new HashMap<>();

    private JobConfigParser(String source, Secrets secrets) {
        this.source = source;
        this.renderer = new SecretRenderer(secrets);
    }

    /** Parses the job document {@code job} (not null) of {@code source}, rendering auth fields with {@code secrets}. */
    static JobConfig parse(Object job, String source, Secrets secrets) {
        return new JobConfigParser(source, secrets).parse(YamlValue.root(job, source));
    }

    /** A prerequisite as found: its name, its {@code type} if written, and where it is. */
    private record Prerequisite(String name, Optional<String> type, YamlValue value) {
        boolean isDockerImage() {
            return type.map(t -> t.toLowerCase(Locale.ROOT).equals(DOCKER_IMAGE))
                    .orElse(true);
        }
    }

    private record JobImageSpec(String uri, Optional<JobAuth> auth) {}

    private JobConfig parse(YamlValue root) {
        if (!root.isMap()) {
            throw root.error("expected an OpenPAI job config (a map) at the top level, got " + root.kind());
        }
        checkProtocolVersion(root.get("protocolVersion"));
        readPrerequisites(root.get("prerequisites"));
        Map<String, YamlValue> roles = root.get("taskRoles").entries();
        if (roles.isEmpty()) {
            throw root.get("taskRoles").error("expected at least one task role");
        }
        List<JobImage> result = new ArrayList<>();
        roles.forEach((role, spec) -> result.add(imageOf(role, spec.get("dockerImage"))));
        return new JobConfig(source, result);
    }

    private static void checkProtocolVersion(YamlValue version) {
        Optional<String> text = version.optionalText();
        if (text.isPresent() && !text.get().strip().equals("2")) {
            throw version.error("expected 2 (OpenPAI job protocol v2), got '" + text.get() + "'");
        }
    }

    private void readPrerequisites(YamlValue list) {
        if (list.isAbsent()) {
            return;
        }
        for (YamlValue item : list.items()) {
            YamlValue nameValue = item.get("name");
            String name = nonEmpty(nameValue);
            Prerequisite prerequisite = new Prerequisite(name, item.get("type").optionalText(), item);
            Prerequisite first = prerequisites.putIfAbsent(name, prerequisite);
            if (first != null) {
                throw nameValue.error(
                        "duplicate prerequisite name '" + name + "' (first at " + first.value.path() + ")");
            }
            if (prerequisite.type.isPresent() && prerequisite.isDockerImage()) {
                images.put(name, imageSpecOf(item, name));
            }
        }
    }

    private JobImage imageOf(String role, YamlValue dockerImage) {
        String name = nonEmpty(dockerImage);
        Prerequisite prerequisite = prerequisites.get(name);
        if (prerequisite == null) {
            throw dockerImage.error(
                    "no prerequisite named '" + name + "' (docker image prerequisites: " + dockerImageNames() + ")");
        }
        if (!prerequisite.isDockerImage()) {
            throw dockerImage.error("prerequisite '" + name + "' (" + prerequisite.value.path() + ") has type '"
                    + prerequisite.type.orElseThrow() + "', not " + DOCKER_IMAGE);
        }
        JobImageSpec spec = images.computeIfAbsent(name, n -> imageSpecOf(prerequisite.value, n));
        return new JobImage(role, name, spec.uri, spec.auth);
    }

    private JobImageSpec imageSpecOf(YamlValue prerequisite, String name) {
        return new JobImageSpec(nonEmpty(prerequisite.get("uri")).strip(), authOf(prerequisite.get("auth"), name));
    }

    private Optional<JobAuth> authOf(YamlValue auth, String prerequisite) {
        if (auth.isAbsent()) {
            return Optional.empty();
        }
        auth.requireMap();
        String username = rendered(auth.get("username"));
        String password = rendered(auth.get("password"));
        String registryUri = rendered(auth.get("registryuri"));
        if (username.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (username.isEmpty() || password.isEmpty()) {
            throw auth.error((username.isEmpty() ? "password is given but username" : "username is given but password")
                    + " is missing or empty (after rendering secrets)");
        }
        if (!registryUri.isBlank() && JobAuth.registryHostOf(registryUri).isEmpty()) {
            throw auth.get("registryuri").error("names no registry host");
        }
        Optional<String> registry = registryUri.isBlank() ? Optional.empty() : Optional.of(registryUri.strip());
        return Optional.of(new JobAuth(username, Secret.of(password), registry, prerequisite));
    }

    private String rendered(YamlValue field) {
        return field.optionalText()
                .map(text -> renderer.render(text, source, field.path()))
                .orElse("");
    }

    private String dockerImageNames() {
        String names = String.join(
                ", ",
                prerequisites.values().stream()
                        .filter(Prerequisite::isDockerImage)
                        .map(Prerequisite::name)
                        .toList());
        return names.isEmpty() ? "none" : names;
    }

    private static String nonEmpty(YamlValue value) {
        String text = value.text();
        if (text.isBlank()) {
            throw value.error("must not be empty");
        }
        return text;
    }
}
