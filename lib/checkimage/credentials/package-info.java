/**
 * Credentials and where they come from: explicit ones ({@link checkimage.credentials.ExplicitCredentials}),
 * docker's {@code config.json} ({@link checkimage.credentials.DockerConfigSource}), the containers tools'
 * {@code auth.json} and {@code --authfile} ({@link checkimage.credentials.ContainersAuthSource}), Kubernetes
 * pull secrets ({@link checkimage.credentials.PullSecretSource}) and credential helpers
 * ({@link checkimage.credentials.CredentialHelper}), chained in the documented order by
 * {@link checkimage.credentials.CredentialChains#standard}. See {@code README.md} in this directory.
 *
 * <p>This package imports only {@code checkimage.reference} and {@code checkimage.json}, reads no environment
 * variable and no home directory of its own (they are passed in as an
 * {@link checkimage.credentials.Environment}), and never shows a secret: {@link checkimage.credentials.Secret}
 * prints {@code ***} and every error names a file, key or helper, never a value.
 */
package checkimage.credentials;
