package checkimage.client;

import checkimage.credentials.Credential;
import checkimage.credentials.CredentialException;
import checkimage.credentials.CredentialSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the real source once per registry and repository per checker: credential helpers are processes, and a
 * batch asks for the same repository when prefetching tokens and again when checking. Failures are remembered too.
 *
 * <p>Each key gets a future that the first caller completes outside the map, so a slow helper (up to its 5 s
 * timeout) holds up only the callers asking for the same key, never a lookup for another registry. A bug in the
 * source is thrown to every caller waiting for that key and is not remembered.
 */
final class MemoizedCredentials implements CredentialSource {

    private record Answer(Credential credential, CredentialException failure) {}

    private final CredentialSource source;
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    MemoizedCredentials(CredentialSource source) {
        this.source = source;
    }

    @Override
    public Credential lookup(String registry, String repository) {
        String key = registry + "/" + repository;
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> answer = answers.putIfAbsent(key, mine);
        if (answer == null) {
            answer = mine;
            ask(key, registry, repository, mine);
        }
        Answer known;
        try {
            known = answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException bug ? bug : e;
        }
        if (known.failure() != null) {
            throw known.failure();
        }
        return known.credential();
    }

    private void ask(String key, String registry, String repository, CompletableFuture<Answer> answer) {
        try {
            answer.complete(new Answer(source.lookup(registry, repository), null));
        } catch (CredentialException e) {
            answer.complete(new Answer(null, e));
        } catch (RuntimeException | Error bug) {
            answers.remove(key, answer);
            answer.completeExceptionally(bug); // callers waiting for this key get it too
            throw bug;
        }
    }
}
