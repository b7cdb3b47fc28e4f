package checkimage.client;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests a checker made, by kind; shared by all threads of one checker. */
public final class RequestStats {

    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger manifestRequests = new AtomicInteger();
    private final AtomicInteger blobRequests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    /** The kinds of request counted. */
    public enum Kind {
        PING,
        TOKEN,
        MANIFEST,
        BLOB
    }

    void count(Kind kind) {
        switch (kind) {
            case PING -> pings.incrementAndGet();
            case TOKEN -> tokenRequests.incrementAndGet();
            case MANIFEST -> manifestRequests.incrementAndGet();
            case BLOB -> blobRequests.incrementAndGet();
        }
    }

    void countRetry() {
        retries.incrementAndGet();
    }

    public int pings() {
        return pings.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int manifestRequests() {
        return manifestRequests.get();
    }

    public int blobRequests() {
        return blobRequests.get();
    }

    public int retries() {
        return retries.get();
    }

    @Override
    public String toString() {
        return pings() + " ping(s), " + tokenRequests() + " token request(s), " + manifestRequests()
                + " manifest request(s), " + blobRequests() + " blob request(s), " + retries() + " retr(ies)";
    }
}
