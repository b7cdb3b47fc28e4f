/**
 * Readers of a container node's registry settings: the containers tools' registries.conf and its drop-ins,
 * containerd's hosts directory ({@code /etc/containerd/certs.d/<host>/hosts.toml}) and Docker's
 * {@code daemon.json}, into {@code checkimage.registries} layers. TOML is parsed by tomlj, which only
 * {@link checkimage.nodeconfig.TomlFile} touches, so its classes load only when such a file exists.
 */
package checkimage.nodeconfig;
