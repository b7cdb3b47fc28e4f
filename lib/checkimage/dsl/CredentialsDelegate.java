package checkimage.dsl;

import checkimage.credentials.Credential;
import checkimage.credentials.Secret;
import checkimage.policy.CredentialSpec;
import java.util.ArrayList;
import java.util.List;

/** A {@code credentials { ... }} block: sources asked in order, the first with a credential wins. */
public final class CredentialsDelegate extends BlockDelegate {

    private static final String SOURCES = "authFile, dockerConfig, env, helper, podmanAuth";

    private final List<CredentialSpec> chain = new ArrayList<>();

    CredentialsDelegate(ScriptContext context, String where) {
        super(context, where);
    }

    /** A username and a secret from two environment variables, read when the policy is loaded. */
    @Keyword("two environment variable names, like env 'GHCR_USER', 'GHCR_TOKEN'")
    public void env(String userVariable, String secretVariable) {
        if (!isVariableName(userVariable) || !isVariableName(secretVariable)) {
            throw wrongArguments("env", userVariable, secretVariable);
        }
        String origin = context.origin();
        String user = context.env(userVariable);
        Secret secret = Secret.of(context.env(secretVariable));
        Credential.UsernamePassword credential =
                new Credential.UsernamePassword(user, secret, "policy env " + userVariable + " (" + origin + ")");
        chain.add(new CredentialSpec.Env(userVariable, secretVariable, credential, origin));
    }

    /** A Docker credential helper, {@code docker-credential-<name>}, e.g. {@code helper 'ecr-login'}. */
    @Keyword("a credential helper name like 'ecr-login'")
    public void helper(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw wrongArguments("helper", name);
        }
        chain.add(new CredentialSpec.Helper(name, context.origin()));
    }

    /** Docker's config.json: its auths and credential helpers. */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void dockerConfig() {
        chain.add(new CredentialSpec.DockerConfig(context.origin()));
    }

    /** Podman's auth.json. */
    @Keyword(Keyword.NO_ARGUMENTS)
    public void podmanAuth() {
        chain.add(new CredentialSpec.PodmanAuth(context.origin()));
    }

    /** An auth file in Docker's format; relative to the policy file. */
    @Keyword("an auth file path like 'auth.json'")
    public void authFile(String path) {
        if (path == null || path.isEmpty()) {
            throw wrongArguments("authFile", path);
        }
        chain.add(new CredentialSpec.AuthFile(context.existingFile("authFile", path), context.origin()));
    }

    List<CredentialSpec> build() {
        if (chain.isEmpty()) {
            throw new ScriptProblem("credentials needs at least one source; expected one of: " + SOURCES);
        }
        return List.copyOf(chain);
    }

    private static boolean isVariableName(String name) {
        return name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
