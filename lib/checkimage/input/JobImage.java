package checkimage.input;

import java.util.Objects;
import java.util.Optional;

/**
 * The docker image one task role of a job runs: the role, the prerequisite its {@code dockerImage} names,
 * that prerequisite's {@code uri} (an image reference, not parsed here) and its {@code auth}, if any.
 *
 * @param taskRole the task role name, e.g. {@code worker}
 * @param prerequisite the docker image prerequisite's {@code name}
 * @param uri the image reference as written, e.g. {@code registry.example.com/team/trainer:1.4}
 * @param auth the rendered auth; empty when the prerequisite has none or all its fields are empty
 */
public record JobImage(String taskRole, String prerequisite, String uri, Optional<JobAuth> auth) {

    public JobImage {
        Objects.requireNonNull(taskRole, "taskRole");
        Objects.requireNonNull(prerequisite, "prerequisite");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(auth, "auth");
    }
}
