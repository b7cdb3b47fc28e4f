package checkimage.credentials

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * Files and fake credential helpers for the credential specs, all under fresh temporary directories: nothing
 * here reads the real home directory or environment.
 */
class CredentialFixtures {

    /** A new, empty temporary directory. */
    static Path tempDir(String prefix = 'creds-spec') {
        Files.createTempDirectory(prefix)
    }

    /** Writes {@code text} to {@code dir/relative}, creating parent directories. */
    static Path write(Path dir, String relative, String text) {
        Path file = dir.resolve(relative)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    /** base64(text), as in an {@code auth} field or a secret's {@code data}. */
    static String b64(String text) {
        Base64.encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8))
    }

    /** A config/auth.json entry {@code {"auth": base64(user:password)}}. */
    static Map authEntry(String user, String password) {
        [auth: b64("${user}:${password}")]
    }

    /** A JSON config file text with the given top-level map. */
    static String json(Map root) {
        checkimage.json.Json.write(root)
    }

    /**
     * An executable {@code docker-credential-<name>} in {@code bin}, a POSIX shell script whose body reads the
     * server URL from stdin as {@code $server}.
     */
    static Path helper(Path bin, String name, String body) {
        Files.createDirectories(bin)
        Path file = bin.resolve("docker-credential-${name}")
        Files.writeString(file, "#!/bin/sh\nserver=\$(cat)\n${body}\n")
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
        file
    }

    /** A helper that answers {@code user} and {@code secret} for every server URL. */
    static Path answeringHelper(Path bin, String name, String user, String secret) {
        helper(bin, name, "printf '{\"ServerURL\":\"%s\",\"Username\":\"%s\",\"Secret\":\"%s\"}' \"\$server\" '${user}' '${secret}'")
    }

    /** A helper that has nothing stored, answering as docker-credential-helpers do. */
    static Path emptyHelper(Path bin, String name) {
        helper(bin, name, "echo 'credentials not found in native keychain'\nexit 1")
    }

    static CredentialHelpers helpersOn(Path bin, long timeoutMillis = 5000) {
        new CredentialHelpers([bin], java.time.Duration.ofMillis(timeoutMillis))
    }

    static Environment environment(Path home, Map<String, String> variables = [:]) {
        new Environment(variables, home)
    }
}
