package checkimage.policy;

import checkimage.reference.ImageReference;
import java.util.Objects;

/** {@code deprecated 'k8s.gcr.io', use: 'registry.k8s.io'}: a matching reference is denied, with the hint. */
public record Deprecation(ReferenceGlob glob, String replacement, String origin) implements PolicyRule {

    public Deprecation {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean matches(ImageReference reference) {
        return glob.matches(reference);
    }

    /** What a denied reference is told: {@code k8s.gcr.io is deprecated; use registry.k8s.io}. */
    public String hint() {
        return glob.text() + " is deprecated; use " + replacement;
    }

    @Override
    public String describe() {
        return "deprecated '" + glob.text() + "'";
    }
}
