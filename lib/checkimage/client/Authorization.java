package checkimage.client;

import checkimage.credentials.Secret;

/**
 * The Authorization header value for one repository (or none), and how it was obtained: that decides what a
 * later 401 means (bad credentials under Basic, denied under Bearer).
 */
record Authorization(Secret header, Scheme scheme, boolean credentialed) {

    /** How the registry authenticates. */
    enum Scheme {
        NONE,
        BASIC,
        BEARER
    }

    static final Authorization NONE = new Authorization(null, Scheme.NONE, false);

    @Override
    public String toString() {
        return scheme + (credentialed ? " with credentials" : " anonymous");
    }
}
