package checkimage.client

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import javax.net.ssl.SSLContext
import java.nio.file.Files
import java.nio.file.Path
import java.security.cert.X509Certificate

/** Extra CA bundles for --ca-file: PEM certificates, and an error naming the file for anything else. */
class TrustMaterialSpec extends Specification {

    @Shared
    @TempDir
    Path dir

    @Shared
    String firstPem

    @Shared
    String secondPem

    def setupSpec() {
        firstPem = selfSignedPem('first')
        secondPem = selfSignedPem('second')
    }

    /** A real self-signed certificate, made by the JDK's keytool. */
    String selfSignedPem(String name) {
        Path store = dir.resolve("${name}.p12")
        Path pem = dir.resolve("${name}-export.pem")
        keytool('-genkeypair', '-alias', name, '-keyalg', 'EC', '-dname', "CN=$name", '-validity', '2',
                '-keystore', store.toString(), '-storepass', 'changeit', '-storetype', 'PKCS12')
        keytool('-exportcert', '-rfc', '-alias', name, '-keystore', store.toString(), '-storepass', 'changeit',
                '-file', pem.toString())
        Files.readString(pem)
    }

    static void keytool(String... args) {
        String keytool = Path.of(System.getProperty('java.home'), 'bin', 'keytool').toString()
        Process process = new ProcessBuilder([keytool] + args.toList()).redirectErrorStream(true).start()
        String output = process.inputStream.text
        assert process.waitFor() == 0: output
    }

    Path file(String name, String content) {
        Path path = dir.resolve(name)
        Files.writeString(path, content)
        path
    }

    def "a PEM file with one certificate yields that certificate"() {
        when:
        List<X509Certificate> certificates = TrustMaterial.readCertificates(file('one.pem', firstPem))

        then:
        certificates*.subjectX500Principal*.name == ['CN=first']
    }

    def "a bundle with comments between its certificates yields all of them in order"() {
        given:
        String bundle = "# Issuer: CN=first\n$firstPem\n# Issuer: CN=second\n# Label: \"second\"\n$secondPem"

        when:
        List<X509Certificate> certificates = TrustMaterial.readCertificates(file('bundle.pem', bundle))

        then:
        certificates*.subjectX500Principal*.name == ['CN=first', 'CN=second']
    }

    def "a PEM file with Windows line ends is read"() {
        expect:
        TrustMaterial.readCertificates(file('crlf.pem', firstPem.normalize().replace('\n', '\r\n'))).size() == 1
    }

    @Unroll("#description -> #message")
    def "a file without PEM certificates is an IOException naming the file"(String description, String content, String message) {
        given:
        Path path = file("${description.replace(' ', '-')}.pem", content)

        when:
        TrustMaterial.readCertificates(path)

        then:
        IOException e = thrown()
        e.message.contains(path.toString())
        e.message.contains(message)

        where:
        description          | content                                                                     || message
        'empty'              | ''                                                                          || 'no PEM certificate in CA file'
        'plain text'         | 'hello, this is not a certificate\n'                                        || 'is not a PEM certificate bundle'
        'broken base64'      | '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'            || 'is not a PEM certificate bundle'
        'a JSON file'        | '{"auths":{}}'                                                              || 'is not a PEM certificate bundle'
    }

    def "a missing file is an IOException naming the file"() {
        given:
        Path missing = dir.resolve('missing.pem')

        when:
        TrustMaterial.readCertificates(missing)

        then:
        IOException e = thrown()
        e.message.contains(missing.toString())
    }

    def "a verifying context is built with extra CA files"() {
        when:
        SSLContext context = TrustMaterial.verifying([file('ca.pem', firstPem), file('ca2.pem', secondPem)])

        then:
        context.protocol == 'TLS'
    }

    def "a CA file that cannot be read stops the set-up with a message naming it"() {
        given:
        Path junk = file('junk.pem', 'not a certificate')

        when:
        TrustMaterial.verifying([junk])

        then:
        IllegalStateException e = thrown()
        e.message.startsWith('cannot set up TLS trust: CA file ')
        e.message.contains(junk.toString())
    }
}
