package checkimage.dsl;

import checkimage.policy.Policy;
import java.nio.file.Path;

/**
 * The short way to a {@link Policy} from JShell or a notebook:
 * <pre>
 * Policies.load(Path.of("scripts/policies/corporate.groovy")).evaluate(ImageReference.parse("alpine:3.19"))
 * Policies.parse("allow 'ghcr.io/acme/**'").evaluate(ImageReference.parse("ubuntu")).message()
 * </pre>
 */
public final class Policies {

    private Policies() {}

    /** Loads a policy file with the process environment; see {@link PolicyLoader}. */
    public static Policy load(Path file) {
        return new PolicyLoader().load(file);
    }

    /** Loads a policy file named by a path string, e.g. {@code Policies.load("policy.groovy")}. */
    public static Policy load(String file) {
        return load(Path.of(file));
    }

    /** Loads policy text, named {@code policy.groovy}; relative paths resolve against the working directory. */
    public static Policy parse(String text) {
        return new PolicyLoader().load(text, "policy.groovy", System.getenv(), Path.of(""));
    }
}
