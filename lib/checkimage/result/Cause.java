package checkimage.result;

/** Why a check ended as {@link CheckOutcome.Unknown}: the registry could not give a definite answer. */
public enum Cause {
    /** The registry host name does not resolve. */
    DNS,
    /** The TCP connection was refused, reset or closed early. */
    CONNECT,
    /** The TLS handshake failed (untrusted certificate, wrong host name, not TLS at all). */
    TLS,
    /** A connect, read or overall deadline ran out. */
    TIMEOUT,
    /** The registry answered 429 Too Many Requests, also after retries. */
    RATE_LIMITED,
    /** The registry answered 5xx, also after retries. */
    SERVER_ERROR,
    /** A status the v2 protocol does not give for this request. */
    UNEXPECTED_STATUS,
    /** A body or header that breaks the protocol (bad token JSON, oversize manifest, bad challenge). */
    UNEXPECTED_RESPONSE,
    /** The registry served content whose digest differs from the one requested. */
    DIGEST_MISMATCH,
    /** A transport rule refused the request (credentials over plain HTTP, an http realm for an https registry). */
    REFUSED_INSECURE,
    /** A credential source failed for this registry (broken helper, malformed file). */
    CREDENTIALS,
    /** The HTTP proxy could not be reached, refused the tunnel or asked for authentication (407). */
    PROXY
}
