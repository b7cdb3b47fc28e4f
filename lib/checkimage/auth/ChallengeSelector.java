package checkimage.auth;

import java.util.List;
import java.util.Optional;

/**
 * Picks, among the challenges of one 401 response, the one this client can answer: not simply the first
 * (RFC 7235 §4.1 lets a server offer several, in any order).
 *
 * <ol>
 *   <li>the first {@code Bearer} challenge with a non-blank {@code realm} (RFC 6750 §3; the realm is the token
 *       server's URL in the distribution token spec, so a Bearer challenge without one cannot be answered);</li>
 *   <li>otherwise the first {@code Basic} challenge (RFC 7617), realm or not;</li>
 *   <li>otherwise nothing: other schemes ({@code Negotiate}, {@code Digest}, ...) are ignored.</li>
 * </ol>
 * Schemes match ignoring case. This selector does not judge the realm URL itself (scheme, host); the token
 * fetcher must. Instances are stateless and may be shared.
 */
public final class ChallengeSelector {

    /** The challenge to answer, or empty when none is Bearer with a realm or Basic. */
    public Optional<Challenge> select(List<Challenge> challenges) {
        Challenge basic = null;
        for (Challenge challenge : challenges) {
            if (isUsableBearer(challenge)) {
                return Optional.of(challenge);
            }
            if (basic == null && challenge.is("basic")) {
                basic = challenge;
            }
        }
        return Optional.ofNullable(basic);
    }

    private static boolean isUsableBearer(Challenge challenge) {
        return challenge.is("bearer")
                && challenge.realm().filter(realm -> !realm.isBlank()).isPresent();
    }
}
