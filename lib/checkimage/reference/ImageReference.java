package checkimage.reference;

/**
 * A normalized image reference: where an image lives ({@link #domain()}, {@link #path()}) and which
 * manifest to ask for ({@link #tag()}, {@link #digest()}).
 *
 * <p>Follows the distribution reference grammar (distribution/reference, {@code reference.go},
 * {@code regexp.go}) and its normalization ({@code normalize.go}, {@code ParseNormalizedNamed}):
 * <pre>
 * reference := name [ ":" tag ] [ "@" digest ]
 * name      := [domain '/'] path
 * </pre>
 * the domain, path and tag productions are spelled out in the package-private grammar classes, the
 * digest production in {@link Digest}.
 *
 * <p>Normalization, and the traps that come with it:
 * <ul>
 *   <li>The text before the first {@code /} is a domain only if it contains {@code .} or {@code :}, is
 *       {@code localhost}, or has uppercase letters: {@code localhost/foo} and {@code Foo/bar} name
 *       registries, {@code foo/bar} is {@code docker.io/foo/bar}.</li>
 *   <li>Without a {@code /} there is never a domain: {@code localhost:5000} is
 *       {@code docker.io/library/localhost} with tag {@code 5000}, and {@code ghcr.io} is
 *       {@code docker.io/library/ghcr.io:latest}.</li>
 *   <li>No domain means {@code docker.io}; {@code index.docker.io} is written {@code docker.io}; any
 *       other domain is kept exactly as written (so {@code Docker.IO} is not Docker Hub).</li>
 *   <li>A one-component Docker Hub path gets {@code library/}, also when {@code docker.io} is written.</li>
 *   <li>No tag and no digest means tag {@code latest}; with a digest and no tag, {@link #tag()} is
 *       {@code null}. With both, the digest is what gets requested ({@link #identifier()}).</li>
 *   <li>The repository path, after adding {@code library/} and without the domain, is at most 255
 *       characters, as distribution/reference (v0.6.0 and later) counts it: {@code ghcr.io/} plus 255
 *       characters is a valid name.</li>
 * </ul>
 *
 * <p>The compact constructor accepts only canonical values: the same grammar, a domain that
 * {@link #parse} would read back as a domain, {@code docker.io} rather than {@code index.docker.io},
 * {@code library/} on single Docker Hub paths, and a tag or a digest. Hence
 * {@code parse(ref.toString()).equals(ref)} and {@code parse(ref.familiar()).equals(ref)} for every
 * instance.
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {

    /** The canonical domain of Docker Hub. */
    public static final String DOCKER_HUB = "docker.io";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

    static final String OFFICIAL_PREFIX = "library/";

    private static final String LEGACY_DOCKER_HUB = "index.docker.io";

    /** Checks every component; throws {@link InvalidReferenceException} naming the composed reference. */
    public ImageReference {
        validate(domain, path, tag, digest);
    }

    /**
     * Parses and normalizes a reference as written by users, e.g. {@code ubuntu},
     * {@code bitnami/redis:7}, {@code ghcr.io/owner/app@sha256:...}, {@code [::1]:5000/app:tag}.
     *
     * @throws InvalidReferenceException naming the input, the 0-based position and what was expected;
     *     this is the only exception thrown, for any input including {@code null}
     */
    public static ImageReference parse(String input) {
        return ReferenceParser.parse(input);
    }

    /** The repository name, {@code domain/path}, e.g. {@code docker.io/library/ubuntu}. */
    public String name() {
        return domain + "/" + path;
    }

    /** What gets requested from the registry: the digest if there is one, else the tag. */
    public String identifier() {
        return digest != null ? digest.toString() : tag;
    }

    /** The host (with port, if any) that serves the registry API: {@code registry-1.docker.io} for Docker Hub. */
    public String registryHost() {
        return isDockerHub() ? DOCKER_HUB_API_HOST : domain;
    }

    /** True when the domain is Docker Hub's {@code docker.io}. */
    public boolean isDockerHub() {
        return DOCKER_HUB.equals(domain);
    }

    /**
     * Docker's short form: {@code ubuntu:latest}, {@code bitnami/redis:7}, {@code ghcr.io/a/b@sha256:...}.
     * Unlike distribution's {@code FamiliarString}, {@code docker.io/} is kept when dropping it would
     * turn the first path component into a domain ({@code docker.io/foo.com/bar}), so the familiar form
     * always parses back to this reference.
     */
    public String familiar() {
        return familiarName() + suffix();
    }

    /** A copy with another tag; {@code null} drops the tag, which needs a digest to remain. */
    public ImageReference withTag(String tag) {
        return new ImageReference(domain, path, tag, digest);
    }

    /** A copy with another digest; {@code null} drops the digest, which needs a tag to remain. */
    public ImageReference withDigest(Digest digest) {
        return new ImageReference(domain, path, tag, digest);
    }

    /** The canonical form: {@code docker.io/library/ubuntu:latest}, {@code host/p:tag@sha256:...}, {@code host/p@sha256:...}. */
    @Override
    public String toString() {
        return name() + suffix();
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    private String familiarName() {
        if (!isDockerHub()) {
            return name();
        }
        if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
            return path.substring(OFFICIAL_PREFIX.length());
        }
        String first = path.substring(0, path.indexOf('/'));
        return ReferenceGrammar.isDomainCandidate(first) ? name() : path;
    }

    private static void validate(String domain, String path, String tag, Digest digest) {
        String text = domain + "/" + path + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
        if (domain == null || path == null) {
            throw new InvalidReferenceException(text, 0, "a reference needs a domain and a path");
        }
        int pathStart = domain.length() + 1;
        int pathEnd = pathStart + path.length();
        DomainGrammar.checkDomain(text, 0, domain.length());
        checkCanonicalDomain(text, domain);
        ReferenceGrammar.checkPath(text, pathStart, pathEnd);
        if (DOCKER_HUB.equals(domain) && path.indexOf('/') < 0) {
            throw new InvalidReferenceException(
                    text,
                    pathStart,
                    "a Docker Hub path has a namespace; official images are '" + OFFICIAL_PREFIX + path + "'");
        }
        ReferenceGrammar.checkPathLength(text, pathStart, path, pathEnd);
        if (tag != null) {
            ReferenceGrammar.checkTag(text, pathEnd + 1, pathEnd + 1 + tag.length());
        } else if (digest == null) {
            throw new InvalidReferenceException(text, text.length(), "a tag or a digest is required");
        }
    }

    private static void checkCanonicalDomain(String text, String domain) {
        if (domain.equals(LEGACY_DOCKER_HUB)) {
            throw new InvalidReferenceException(text, 0, "'" + LEGACY_DOCKER_HUB + "' is written '" + DOCKER_HUB + "'");
        }
        if (!ReferenceGrammar.isDomainCandidate(domain)) {
            throw new InvalidReferenceException(
                    text,
                    0,
                    "'" + domain + "' would be read back as a path component;"
                            + " a domain contains '.' or ':', is 'localhost' or has uppercase letters");
        }
    }
}
