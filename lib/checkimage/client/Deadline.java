package checkimage.client;

import java.time.Duration;

/** A point in monotonic time by which one image's check must end. */
public record Deadline(long nanoTime) {

    /** The deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    public boolean isExpired() {
        return nanoTime - System.nanoTime() <= 0;
    }

    /** The shorter of {@code limit} and the time left. */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }
}
