package checkimage.client;

import checkimage.credentials.Credential;
import checkimage.credentials.CredentialException;
import checkimage.credentials.CredentialSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the real source once per registry and repository per checker: credential helpers are processes, and a
 * batch asks for the same repository when prefetching tokens and again when checking. Failures are remembered too.
 */
final class MemoizedCredentials implements CredentialSource {

    private record Answer(Credential credential, CredentialException failure) {
    }

    private final CredentialSource source;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    MemoizedCredentials(CredentialSource source) {
        this.source = source;
    }

    @Override
    public Credential lookup(String registry, String repository) {
        Answer answer = answers.computeIfAbsent(registry + "/" + repository, key -> {
            try {
                return new Answer(source.lookup(registry, repository), null);
            } catch (CredentialException e) {
                return new Answer(null, e);
            }
        });
        if (answer.failure() != null) {
            throw answer.failure();
        }
        return answer.credential();
    }
}
