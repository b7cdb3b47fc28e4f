package checkimage.policy;

import checkimage.credentials.RegistryKeys;
import checkimage.reference.InvalidReferenceException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A registry host as a policy names it, with its port and optional {@code *} wildcards: {@code ghcr.io},
 * {@code registry.corp.example:5000}, {@code *.dkr.ecr.*.amazonaws.com}.
 *
 * <p>Hosts are compared in lower case (DNS names are case-insensitive), with Docker Hub's aliases
 * ({@code index.docker.io}, {@code registry-1.docker.io}) read as {@code docker.io}, and with the port as part
 * of the host, as in references and Docker's credential keys: {@code quay.io} is not {@code quay.io:443}.
 * A {@code *} matches within one DNS label, never across {@code .}, {@code :} or {@code /}, as in a TLS wildcard
 * certificate: {@code *.corp.example} matches {@code a.corp.example}, not {@code corp.example},
 * {@code a.b.corp.example} or {@code evilcorp.example}.
 */
public final class HostPattern {

    static final String LABEL_WILDCARD = "[^./:]*";

    private final String text;
    private final Pattern regex;

    private HostPattern(String text) {
        this.text = text;
        this.regex = Pattern.compile(regexSource());
    }

    /**
     * Reads a host pattern.
     *
     * @throws InvalidPatternException for an empty host, a scheme or path, {@code **}, an empty label or a
     *     character hosts do not have
     */
    public static HostPattern parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidPatternException(text, "a registry host cannot be empty");
        }
        if (text.contains("://")) {
            throw new InvalidPatternException(
                    text, "a registry host has no scheme; write 'ghcr.io', not 'https://ghcr.io'");
        }
        if (text.indexOf('/') >= 0) {
            throw new InvalidPatternException(text, "a registry host has no path; write 'ghcr.io', not 'ghcr.io/acme'");
        }
        if (text.contains("**")) {
            throw new InvalidPatternException(
                    text, "'**' is not allowed in a registry host; '*' matches one DNS label");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean fits = (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == ':'
                    || c == '['
                    || c == ']'
                    || c == '*';
            if (!fits) {
                throw new InvalidPatternException(
                        text,
                        "character " + InvalidReferenceException.describe(c) + " is not allowed in a registry host");
            }
        }
        String hostPart = lower.startsWith("[") ? lower : lower.split(":", -1)[0];
        if (hostPart.isEmpty() || hostPart.startsWith(".") || hostPart.endsWith(".") || hostPart.contains("..")) {
            throw new InvalidPatternException(text, "a registry host has no empty labels");
        }
        return new HostPattern(RegistryKeys.host(lower));
    }

    /** The host pattern in canonical form: lower case, Docker Hub as {@code docker.io}. */
    public String text() {
        return text;
    }

    /** True when the pattern has a {@code *}. */
    public boolean isWildcard() {
        return text.indexOf('*') >= 0;
    }

    /** True when {@code host} (as in {@code ImageReference.domain()}, with its port) matches. */
    public boolean matches(String host) {
        return regex.matcher(RegistryKeys.host(host)).matches();
    }

    /** The regular expression for this host, for composing with a path. */
    String regexSource() {
        return ReferenceGlob.translate(text, LABEL_WILDCARD);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostPattern host && host.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
