package checkimage.cli;

import checkimage.input.ImagePlace;
import checkimage.policy.Verdict;
import checkimage.reference.ImageReference;
import java.util.Optional;

/** An input after parsing and, with a policy, judging: {@code reference} is null for an invalid input. */
record Judged(CheckItem item, ImageReference reference, String problem, Optional<Verdict> verdict) {

    /** True when the reference is valid, not built locally, and the policy (if any) lets it be checked. */
    boolean checkable() {
        return reference != null
                && verdict.map(Verdict::allowed).orElse(true)
                && item.place().flatMap(ImagePlace::notChecked).isEmpty();
    }
}
