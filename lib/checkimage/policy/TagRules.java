package checkimage.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code tags} block: tags that are forbidden, and whether a digest is required. Both apply only to
 * references pulled by tag: a reference with a digest pulls the digest, so its tag is a label and is not
 * checked.
 */
public record TagRules(List<ForbiddenTag> forbidden, Optional<DigestRequirement> digestRequirement) {

    public TagRules {
        forbidden = List.copyOf(forbidden);
        Objects.requireNonNull(digestRequirement, "digestRequirement");
    }

    /** No tag rules: the default. */
    public static TagRules none() {
        return new TagRules(List.of(), Optional.empty());
    }

    /** True when {@code requireDigest true} was given. */
    public boolean requiresDigest() {
        return digestRequirement.isPresent();
    }
}
