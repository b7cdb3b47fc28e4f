package checkimage.cli;

import checkimage.credentials.Credential;
import checkimage.credentials.ExplicitCredentials;
import checkimage.credentials.Secret;
import checkimage.input.ImagePlace;
import checkimage.input.InputNote;
import checkimage.input.JobAuth;
import checkimage.input.JobConfig;
import checkimage.input.JobConfigReader;
import checkimage.input.JobImage;
import checkimage.input.ReferenceListReader;
import checkimage.input.SourceLocation;
import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers what to check, in order: IMAGE arguments, then {@code --file} lists, then the OpenPAI job's task
 * roles, then the images named in manifests, compose files, Dockerfiles and scanned trees ({@link FileInputs}). Explicit credentials (the job's {@code auth} blocks, {@code --username/--password-stdin}) are put into
 * {@code explicit} on the way.
 */
final class InputCollector {

    private final CheckImageCommand command;
    private final Terminal terminal;
    private final ExplicitCredentials explicit;
    private final PathNames names = PathNames.ofWorkingDirectory();
    private final FileInputs files;

    InputCollector(CheckImageCommand command, Terminal terminal, ExplicitCredentials explicit) {
        this.command = command;
        this.terminal = terminal;
        this.explicit = explicit;
        this.files = new FileInputs(command, terminal, names, job -> fromJob(job, null));
    }

    /** IMAGE arguments, then {@code --file} lists, the {@code --job}, and the files of {@link FileInputs}. */
    List<CheckItem> collect() {
        List<CheckItem> items = new ArrayList<>();
        command.images.forEach(image -> items.add(new CheckItem(image, "argument")));
        for (String file : command.files) {
            items.addAll(fromList(file));
        }
        if (command.job != null) {
            items.addAll(fromJob(command.job, command.secrets));
        }
        items.addAll(files.collect());
        if (command.username != null) {
            addUserCredential(items);
        }
        return items;
    }

    /** Warnings and verbose notes of the file readers. */
    List<InputNote> notes() {
        return files.notes();
    }

    /** Scanned files that could not be read (the run goes on, and exits 2). */
    List<String> problems() {
        return files.problems();
    }

    private List<CheckItem> fromList(String file) {
        ReferenceListReader reader = new ReferenceListReader();
        List<ImagePlace> listed = file.equals("-")
                ? reader.places(new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)), "-")
                : reader.places(Path.of(file), names.shown(Path.of(file)));
        return listed.stream().map(CheckItem::at).toList();
    }

    private List<CheckItem> fromJob(Path job, Path secrets) {
        JobConfigReader reader = new JobConfigReader();
        String shown = names.shown(job);
        JobConfig config = secrets == null ? reader.read(job) : reader.read(job, secrets);
        List<JobImage> images = config.select(Optional.ofNullable(command.taskRole), terminal.env());
        Map<String, SourceLocation> locations = reader.imageLocations(job, shown);
        List<CheckItem> items = new ArrayList<>();
        for (JobImage image : images) {
            SourceLocation location = locations.getOrDefault(image.prerequisite(), new SourceLocation(shown, 1, 1));
            items.add(CheckItem.at(ImagePlace.of(
                    image.uri(),
                    location,
                    "task role " + image.taskRole() + " (prerequisite " + image.prerequisite() + ")")));
            image.auth().ifPresent(auth -> addJobCredential(job, image, auth));
        }
        return items;
    }

    private void addJobCredential(Path job, JobImage image, JobAuth auth) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(image.uri());
        } catch (InvalidReferenceException e) {
            return; // the check reports the invalid reference itself
        }
        if (!auth.appliesTo(reference.domain())) {
            terminal.err()
                    .println("check-image: warning: " + job.getFileName() + ": auth of prerequisite '"
                            + auth.prerequisite() + "' is for "
                            + auth.registryHost().orElse("?") + ", not " + reference.domain()
                            + "; checking " + reference.familiar() + " without it");
            return;
        }
        explicit.forRepository(reference.domain(), reference.path(), auth.toCredential());
    }

    private void addUserCredential(List<CheckItem> items) {
        if (!command.passwordStdin) {
            throw new UsageException("--username needs --password-stdin (passwords are never taken as flags)");
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UsageException("cannot read the password from stdin: " + e.getMessage());
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("--password-stdin: stdin holds no password");
        }
        Credential credential = new Credential.UsernamePassword(command.username, Secret.of(password), "--username");
        explicit.forRegistry(registryOfUser(items), credential);
    }

    /**
     * The one registry {@code --username} is for: {@code --registry HOST}, else the registry every input is on.
     * Offering the password to every registry of a mixed run would hand it to each one's token service.
     */
    private String registryOfUser(List<CheckItem> items) {
        if (command.registry != null) {
            String host = command.registry.trim();
            if (!host.equals("localhost") && !host.contains(".") && !host.contains(":")) {
                throw new UsageException("--registry '" + command.registry + "' is not a registry host[:port] "
                        + "(a host has a dot or a port, or is localhost)");
            }
            try {
                return ImageReference.parse(command.registry.trim() + "/x").domain();
            } catch (InvalidReferenceException e) {
                throw new UsageException("--registry '" + command.registry + "' is not a registry host[:port]");
            }
        }
        java.util.Set<String> registries = new java.util.TreeSet<>();
        for (CheckItem item : items) {
            try {
                registries.add(ImageReference.parse(item.input()).domain());
            } catch (InvalidReferenceException e) {
                // reported by the check
            }
        }
        if (registries.size() != 1) {
            throw new UsageException("--username applies to one registry, but the inputs span "
                    + (registries.isEmpty() ? "no registry" : String.join(", ", registries))
                    + "; say which with --registry HOST");
        }
        return registries.iterator().next();
    }
}
