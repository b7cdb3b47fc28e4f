package checkimage.cli;

import checkimage.input.TreeScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups the compose files of a scan into projects as {@code docker compose} finds them in a directory: the
 * first of {@code compose.yaml}, {@code compose.yml}, {@code docker-compose.yaml}, {@code docker-compose.yml}
 * with its {@code .override} file (read together, the override last); any other compose file alone.
 */
final class ComposeProjects {

    private static final List<String> MAIN =
            List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    private ComposeProjects() {}

    static List<List<Path>> of(List<TreeScanner.ScannedFile> files) {
        Map<Path, List<Path>> byDirectory = new LinkedHashMap<>();
        files.stream()
                .filter(f -> f.kind() == TreeScanner.FileKind.COMPOSE)
                .forEach(f -> byDirectory
                        .computeIfAbsent(f.path().toAbsolutePath().getParent(), d -> new ArrayList<>())
                        .add(f.path()));
        List<List<Path>> projects = new ArrayList<>();
        byDirectory.values().forEach(group -> projects.addAll(projectsOf(group)));
        return projects;
    }

    private static List<List<Path>> projectsOf(List<Path> group) {
        List<List<Path>> projects = new ArrayList<>();
        Path main = MAIN.stream()
                .flatMap(name -> group.stream().filter(p -> nameOf(p).equals(name)))
                .findFirst()
                .orElse(null);
        List<Path> project = new ArrayList<>();
        if (main != null) {
            project.add(main);
            String base = nameOf(main).substring(0, nameOf(main).lastIndexOf('.'));
            group.stream()
                    .filter(p -> nameOf(p).equals(base + ".override.yaml")
                            || nameOf(p).equals(base + ".override.yml"))
                    .findFirst()
                    .ifPresent(project::add);
            projects.add(project);
        }
        group.stream().filter(p -> !project.contains(p)).forEach(p -> projects.add(List.of(p)));
        return projects;
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
