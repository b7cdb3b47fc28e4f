package checkimage.reference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A content digest, {@code algorithm:hex}, as it appears after {@code @} in an image reference.
 *
 * <p>Follows the digest production of the distribution reference grammar (distribution/reference,
 * {@code reference.go}):
 * <pre>
 * digest                     := digest-algorithm ":" digest-hex
 * digest-algorithm           := digest-algorithm-component [ digest-algorithm-separator digest-algorithm-component ]*
 * digest-algorithm-separator := /[+.-_]/
 * digest-algorithm-component := /[A-Za-z][A-Za-z0-9]*&#47;
 * digest-hex                 := /[0-9a-fA-F]{32,}/
 * </pre>
 * narrowed, as go-digest does for registered algorithms, to the two algorithms a registry actually
 * serves: {@code sha256} with exactly 64 and {@code sha512} with exactly 128 <em>lowercase</em> hex
 * digits. Any other algorithm name that fits the grammar is rejected as unsupported. The compact
 * constructor applies the same rules, so an invalid {@code Digest} cannot be constructed.
 */
public record Digest(String algorithm, String hex) {

    /** The algorithms a digest may name, with their JDK names and hex lengths. */
    private enum Algorithm {
        SHA256("sha256", "SHA-256", 64),
        SHA512("sha512", "SHA-512", 128);

        final String id;
        final String jdkName;
        final int hexLength;

        Algorithm(String id, String jdkName, int hexLength) {
            this.id = id;
            this.jdkName = jdkName;
            this.hexLength = hexLength;
        }

        static Algorithm named(String id) {
            for (Algorithm algorithm : values()) {
                if (algorithm.id.equals(id)) {
                    return algorithm;
                }
            }
            return null;
        }
    }

    private static final String SUPPORTED = "sha256, sha512";
    private static final String FORM = "'algorithm:hex', e.g. 'sha256:' followed by 64 lowercase hex digits";

    /** Validates both parts; throws {@link InvalidReferenceException} naming {@code algorithm:hex}. */
    public Digest {
        if (algorithm == null || hex == null) {
            throw new InvalidReferenceException(algorithm + ":" + hex, 0, "a digest needs an algorithm and hex digits");
        }
        String text = algorithm + ":" + hex;
        checkHex(text, text.length() - hex.length(), checkAlgorithm(text, 0, algorithm.length()));
    }

    /**
     * Parses {@code algorithm:hex}, e.g. {@code sha256:e3b0c442...}.
     *
     * @throws InvalidReferenceException naming the text, the position and what was expected there
     */
    public static Digest parse(String text) {
        return parseAt(text == null ? "" : text, 0);
    }

    /** The sha256 digest of {@code content}. */
    public static Digest sha256Of(byte[] content) {
        Objects.requireNonNull(content, "content");
        return new Digest(Algorithm.SHA256.id, HexFormat.of().formatHex(hash(Algorithm.SHA256, content)));
    }

    /** True when {@code content} hashes, with this digest's own algorithm, to this digest. */
    public boolean matches(byte[] content) {
        Objects.requireNonNull(content, "content");
        Algorithm own = Algorithm.named(algorithm);
        return MessageDigest.isEqual(hash(own, content), HexFormat.of().parseHex(hex));
    }

    /** The digest as written in a reference: {@code sha256:<hex>}. */
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    /**
     * Parses the digest that runs from {@code start} to the end of {@code input}, reporting positions
     * in {@code input}; used for the part of a reference after {@code @}.
     */
    static Digest parseAt(String input, int start) {
        int colon = input.indexOf(':', start);
        if (colon < 0) {
            throw new InvalidReferenceException(input, start, "a digest is " + FORM);
        }
        Algorithm algorithm = checkAlgorithm(input, start, colon);
        checkHex(input, colon + 1, algorithm);
        return new Digest(algorithm.id, input.substring(colon + 1));
    }

    private static Algorithm checkAlgorithm(String input, int start, int end) {
        if (start == end) {
            throw new InvalidReferenceException(input, start, "a digest algorithm before ':'; a digest is " + FORM);
        }
        boolean componentStart = true;
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean fits = componentStart ? letter : letter || (c >= '0' && c <= '9') || isAlgorithmSeparator(c);
            if (!fits) {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + InvalidReferenceException.describe(c)
                                + " is not allowed here in a digest algorithm; expected letters and digits, with one of '+', '.', '_', '-' between parts");
            }
            componentStart = isAlgorithmSeparator(c);
        }
        if (componentStart) {
            throw new InvalidReferenceException(input, end - 1, "a digest algorithm cannot end with a separator");
        }
        String name = input.substring(start, end);
        Algorithm algorithm = Algorithm.named(name);
        if (algorithm == null) {
            throw new InvalidReferenceException(
                    input, start, "unsupported digest algorithm '" + name + "'; supported: " + SUPPORTED);
        }
        return algorithm;
    }

    private static boolean isAlgorithmSeparator(char c) {
        return c == '+' || c == '.' || c == '_' || c == '-';
    }

    private static void checkHex(String input, int start, Algorithm algorithm) {
        int end = input.length();
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (c >= 'A' && c <= 'F') {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "uppercase hex digit " + InvalidReferenceException.describe(c) + " is not allowed; "
                                + algorithm.id + " digests are written in lowercase hex");
            }
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new InvalidReferenceException(
                        input,
                        i,
                        "character " + InvalidReferenceException.describe(c) + " is not a hex digit (0-9, a-f)");
            }
        }
        int length = end - start;
        if (length != algorithm.hexLength) {
            throw new InvalidReferenceException(
                    input,
                    length < algorithm.hexLength ? end : start + algorithm.hexLength,
                    "a " + algorithm.id + " digest has exactly " + algorithm.hexLength + " hex digits, got " + length);
        }
    }

    private static byte[] hash(Algorithm algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm.jdkName).digest(content);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256 and SHA-512.
            throw new IllegalStateException(algorithm.jdkName + " is not available", e);
        }
    }
}
