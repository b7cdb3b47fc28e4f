package checkimage.client;

import java.util.Locale;
import java.util.Set;

/** The manifest media types we ask for and understand (OCI image-spec and Docker image manifest v2). */
final class MediaTypes {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    /** Every type we accept; without the OCI ones distribution answers 404 for OCI content. */
    static final String ACCEPT = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);

    private MediaTypes() {}

    /** The bare media type of a Content-Type header value, lower case, without parameters. */
    static String bare(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    static boolean isIndex(String mediaType) {
        return INDEXES.contains(bare(mediaType));
    }
}
