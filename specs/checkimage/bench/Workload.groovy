package checkimage.bench

import checkimage.fixture.RegistryFixture
import checkimage.fixture.TestUser
import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * The files every contender reads, in a scratch directory: image lists of the first N seeded repositories
 * ({@code images-N.txt}), the password for {@code --password-stdin}, and the test CA both as a PEM file
 * (check-image's {@code --ca-file}, curl's {@code --cacert}) and as a directory of {@code *.crt}
 * (skopeo's {@code --cert-dir}).
 */
@CompileStatic
final class Workload {

    final Path dir
    final String host
    final URI realm
    final String service
    final TestUser user
    final Path caFile
    final Path caDir
    final Path passwordFile

    private final List<String> references

    /** {@code repositories} as {@code repo:tag}, e.g. the keys of {@code seeder.seedMany(n)}. */
    Workload(Path dir, RegistryFixture registry, TestUser user, Collection<String> repositories) {
        this.dir = dir
        this.host = registry.host
        this.realm = registry.tokenServer.realm
        this.service = RegistryFixture.SERVICE
        this.user = user
        this.caFile = registry.caFile
        this.caDir = Files.createDirectories(dir.resolve('certs'))
        Files.copy(caFile, caDir.resolve('ca.crt'))
        this.passwordFile = dir.resolve('password.txt')
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rw-------')))
        Files.writeString(passwordFile, user.password() + '\n')
        this.references = repositories.toSorted().collect { String repo -> "${host}/${repo}".toString() }
    }

    /** How many images there are to check. */
    int getSize() {
        references.size()
    }

    /** {@code HOST/bench/repo-0000:latest} and the next {@code n - 1}. */
    List<String> references(int n) {
        if (n > references.size()) {
            throw new IllegalArgumentException("only ${references.size()} repositories were seeded, not ${n}")
        }
        references.subList(0, n)
    }

    /** The list file of the first {@code n} references, one a line; written on first use. */
    Path listFile(int n) {
        Path file = dir.resolve("images-${n}.txt")
        if (!Files.exists(file)) {
            Files.write(file, references(n))
        }
        file
    }

    /**
     * The list of {@link #listFile} with the registry named {@code name:PORT} instead of {@code 127.0.0.1:PORT},
     * for a proxy that resolves that name (a loopback host would go direct).
     */
    Path listFileNamed(int n, String name) {
        Path file = dir.resolve("images-${n}-${name}.txt")
        if (!Files.exists(file)) {
            String named = name + host.substring(host.indexOf(':'))
            Files.write(file, references(n).collect { String ref -> named + ref.substring(host.length()) })
        }
        file
    }

    /** The repository part of a reference: {@code bench/repo-0000} of {@code HOST/bench/repo-0000:latest}. */
    String repository(String reference) {
        String path = reference.substring(host.length() + 1)
        path.substring(0, path.lastIndexOf(':'))
    }

    /** The tag part of a reference. */
    static String tag(String reference) {
        reference.substring(reference.lastIndexOf(':') + 1)
    }
}
