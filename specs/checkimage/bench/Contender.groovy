package checkimage.bench

import groovy.transform.CompileStatic

/** The ways of checking images that the benchmark times, as table rows name them. */
@CompileStatic
enum Contender {
    README('README: scripts/jbang check-image.java'),
    PLAIN_JAVA('plain java -jar check-image.jar'),
    SKOPEO_LOOP('skopeo inspect, sequential loop'),
    SKOPEO_XARGS('skopeo inspect, xargs -P 8'),
    CURL_FLOOR('curl floor: ping, token, parallel HEADs'),
    SCAN_OFFLINE('plain java, --scan --offline (2000 files)')

    final String label

    Contender(String label) {
        this.label = label
    }

    /** The JSON name, e.g. {@code plain-java}. */
    String getKey() {
        name().toLowerCase(Locale.ROOT).replace('_', '-')
    }
}
