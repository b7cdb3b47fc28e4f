package checkimage.policy;

import checkimage.reference.ImageReference;
import checkimage.reference.InvalidReferenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule of an {@code image} block, decided on an image's {@link ImageFacts}. A rule whose data the image does not
 * carry is broken, and its message says the data is missing.
 */
public sealed interface ImageRule extends PolicyRule {

    /** What is wrong with {@code facts} at {@code now}, or empty when the rule holds. */
    Optional<String> violation(ImageFacts facts, Instant now);

    /** {@code maxAge '180d'}: {@code created} is at most that long ago. */
    record MaxAge(Duration age, String text, String origin) implements ImageRule {
        public MaxAge {
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<String> violation(ImageFacts facts, Instant now) {
            if (facts.created().isEmpty()) {
                return Optional.of("the config has no created date (data is missing)");
            }
            Instant created = facts.created().get();
            Duration old = Duration.between(created, now);
            return old.compareTo(age) > 0
                    ? Optional.of("created " + created + ", " + old.toDays() + " days ago, more than " + text)
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return "maxAge '" + text + "'";
        }
    }

    /** {@code maxSize '2GiB'}: the layers of the manifest add up to at most that many bytes. */
    record MaxSize(long bytes, String text, String origin) implements ImageRule {
        public MaxSize {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<String> violation(ImageFacts facts, Instant now) {
            if (facts.size().isEmpty()) {
                return Optional.of("the manifest gives no layer sizes (data is missing)");
            }
            long size = facts.size().getAsLong();
            return size > bytes
                    ? Optional.of(
                            "layers add up to " + PolicyValues.bytes(size) + " (" + size + " bytes), more than " + text)
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return "maxSize '" + text + "'";
        }
    }

    /** {@code requireLabel 'org.opencontainers.image.source'}: the config has the label, not empty. */
    record RequireLabel(String key, String origin) implements ImageRule {
        public RequireLabel {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<String> violation(ImageFacts facts, Instant now) {
            String value = facts.labels().get(key);
            return value == null || value.isBlank()
                    ? Optional.of("label '" + key + "' is missing (data is missing)")
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return "requireLabel '" + key + "'";
        }
    }

    /** {@code label 'org.opencontainers.image.vendor', 'ACME*'}: the label's value matches; {@code *} matches any run. */
    record Label(String key, String glob, String origin) implements ImageRule {
        public Label {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(glob, "glob");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<String> violation(ImageFacts facts, Instant now) {
            String value = facts.labels().get(key);
            if (value == null) {
                return Optional.of("label '" + key + "' is missing (data is missing)");
            }
            return matches(glob, value)
                    ? Optional.empty()
                    : Optional.of("label '" + key + "' is '" + value + "', which does not match '" + glob + "'");
        }

        static boolean matches(String glob, String value) {
            String regex = java.util.Arrays.stream(glob.split("\\*", -1))
                    .map(Pattern::quote)
                    .collect(Collectors.joining(".*"));
            return Pattern.compile(regex, Pattern.DOTALL).matcher(value).matches();
        }

        @Override
        public String describe() {
            return "label '" + key + "', '" + glob + "'";
        }
    }

    /** {@code forbidRootUser()}: {@code config.User} names a user other than root (not empty, root, 0, 0:0, root:…). */
    record ForbidRootUser(String origin) implements ImageRule {
        public ForbidRootUser {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<String> violation(ImageFacts facts, Instant now) {
            if (facts.user().isEmpty()) {
                return Optional.of("the config sets no User (data is missing), so the image runs as root");
            }
            String user = facts.user().get().trim();
            String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
            return name.isEmpty() || name.equals("root") || name.equals("0")
                    ? Optional.of("runs as root (User '" + user + "')")
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return "forbidRootUser()";
        }
    }

    /** {@code baseImage 'docker.io/library/*', 'gcr.io/distroless/**'}: the base image matches one pattern. */
    record BaseImage(List<ReferenceGlob> globs, String origin) implements ImageRule {
        public BaseImage {
            globs = List.copyOf(globs);
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<String> violation(ImageFacts facts, Instant now) {
            if (facts.baseName().isEmpty()) {
                return Optional.of("the image names no base image (" + ImageFacts.BASE_NAME + "; data is missing)");
            }
            String base = facts.baseName().get();
            ImageReference reference;
            try {
                reference = ImageReference.parse(base);
            } catch (InvalidReferenceException e) {
                return Optional.of("base image '" + base + "' is not a valid reference");
            }
            return globs.stream().anyMatch(glob -> glob.matches(reference))
                    ? Optional.empty()
                    : Optional.of("base image " + reference + " matches none of " + patterns());
        }

        private String patterns() {
            return globs.stream().map(g -> "'" + g.text() + "'").collect(Collectors.joining(", "));
        }

        @Override
        public String describe() {
            return "baseImage " + patterns();
        }
    }
}
