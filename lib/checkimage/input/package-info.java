/**
 * Input files turned into typed records: reference lists ({@link checkimage.input.ReferenceListReader}),
 * OpenPAI job configs, protocol v2 ({@link checkimage.input.JobConfigReader}), and their secrets
 * ({@link checkimage.input.Secrets}, {@link checkimage.input.SecretRenderer}), and the images named in compose
 * files ({@link checkimage.input.ComposeReader}), Dockerfiles ({@link checkimage.input.DockerfileReader}) and
 * Kubernetes manifests ({@link checkimage.input.ManifestReader}, with each pod's pull secrets) as
 * {@link checkimage.input.PlacedImages}; {@link checkimage.input.TreeScanner} finds them in a tree.
 *
 * <p>This package is an edge: it imports only {@code checkimage.credentials}, and SnakeYAML stays inside it.
 * YAML is composed, never constructed into objects, under limits on size, aliases and nesting; scalars keep
 * the text written in the file. Nothing here is static or global, so the classes load lazily and behave the
 * same in JShell or notebook sessions.
 *
 * <p>Every problem is an {@link checkimage.input.InputException} whose message reads
 * {@code <file>: <key path>: <problem>}, and no message, cause or {@code toString()} carries a secret value
 * ({@code JobSecretsNeverLeakSpec} checks this on every error path).
 */
package checkimage.input;
