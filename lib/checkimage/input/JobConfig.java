package checkimage.input;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An OpenPAI job config (protocol v2) reduced to what image checking needs: one {@link JobImage} per task
 * role, in the order the roles appear under {@code taskRoles}. Secrets are already rendered into the auths and
 * are not kept.
 *
 * @param source the job file's name, for messages
 * @param images one entry per task role, in file order; never empty
 */
public record JobConfig(String source, List<JobImage> images) {

    /** The environment variable OpenPAI sets to the task role a container runs. */
    public static final String TASK_ROLE_VARIABLE = "PAI_CURRENT_TASK_ROLE_NAME";

    public JobConfig {
        Objects.requireNonNull(source, "source");
        images = List.copyOf(images);
    }

    /** The task role names, in file order. */
    public List<String> taskRoles() {
        return images.stream().map(JobImage::taskRole).toList();
    }

    /**
     * The image of {@code taskRole}.
     *
     * @throws InputException at key path {@code taskRoles} listing the roles that exist
     */
    public JobImage image(String taskRole) {
        return find(taskRole, "");
    }

    /**
     * The images to check, choosing roles as OpenPAI's runtime does and then some: the explicit
     * {@code taskRole} if given (not blank); else the role named by {@value #TASK_ROLE_VARIABLE} in
     * {@code environment} if set (not blank); else every role, in file order.
     *
     * @param environment the process environment, passed in so that callers and specs control it
     * @throws InputException when the chosen role does not exist, listing the roles that do
     */
    public List<JobImage> select(Optional<String> taskRole, Map<String, String> environment) {
        Optional<String> explicit = taskRole.filter(role -> !role.isBlank());
        if (explicit.isPresent()) {
            return List.of(find(explicit.get().strip(), ""));
        }
        String fromEnvironment = environment.get(TASK_ROLE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return List.of(find(fromEnvironment.strip(), " (from " + TASK_ROLE_VARIABLE + ")"));
        }
        return images;
    }

    private JobImage find(String taskRole, String origin) {
        return images.stream()
                .filter(image -> image.taskRole().equals(taskRole))
                .findFirst()
                .orElseThrow(() -> new InputException(
                        source,
                        "taskRoles",
                        "unknown task role '" + taskRole + "'"
                                + origin + "; the job has: "
                                + images.stream().map(JobImage::taskRole).collect(Collectors.joining(", "))));
    }
}
