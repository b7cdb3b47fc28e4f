package checkimage.policy;

import java.util.Objects;

/** {@code tags { requireDigest true }}: a reference without a digest is denied. */
public record DigestRequirement(String origin) implements PolicyRule {

    public DigestRequirement {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String describe() {
        return "requireDigest true";
    }
}
