/**
 * Values and parsers of the registry v2 auth handshake, with no I/O: {@link checkimage.auth.Challenge} and
 * its RFC 7235 §4.1 {@link checkimage.auth.ChallengeParser}, the {@link checkimage.auth.ChallengeSelector}
 * that picks the challenge to answer, and the token spec's {@link checkimage.auth.Scope}. The README next to
 * these sources walks through the handshake. JDK only.
 */
package checkimage.auth;
