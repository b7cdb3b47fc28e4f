package checkimage.policy;

import checkimage.reference.ImageReference;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code waive 'docker.io/library/legacy-*', until: '2027-03-31', reason: 'OPS-1234'}: until the end of that day
 * (UTC), the rules that would deny a matching reference (tags, image rules, deprecated registries) only warn.
 * After it, the rules deny again and a warning says the waiver expired. {@code allow}, {@code deny} and
 * {@code block} are never waived.
 */
public record Waiver(ReferenceGlob glob, LocalDate until, String reason, String origin) {

    public Waiver {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean matches(ImageReference reference) {
        return glob.matches(reference);
    }

    /** True on {@code until} and before. */
    public boolean activeOn(LocalDate today) {
        return !today.isAfter(until);
    }

    public String describe() {
        return "waive '" + glob.text() + "'";
    }
}
