/**
 * Where a reference is pulled from, as a container runtime would decide it: registry rewrites, mirrors (with a
 * path, such as Harbor or Artifactory proxy projects), insecure and blocked registries, combined from the
 * policy and the runtime's own files (registries.conf, containerd hosts.toml, Docker's daemon.json). No I/O and
 * no third-party library here: the readers of those files live in {@code checkimage.nodeconfig}.
 */
package checkimage.registries;
