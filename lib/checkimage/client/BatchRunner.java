package checkimage.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per item on a small pool, at most {@code perGroup} at once per group (registry). The pool's
 * threads are daemons and made on first use, so a checker that only ever checks one image starts none.
 */
final class BatchRunner implements AutoCloseable {

    private final int concurrency;
    private final int perGroup;
    private final Map<String, Semaphore> groups = new ConcurrentHashMap<>();
    private volatile ExecutorService pool;

    BatchRunner(int concurrency, int perGroup) {
        this.concurrency = concurrency;
        this.perGroup = perGroup;
    }

    /** The results by {@code item.toString()}; a single item runs on the calling thread. */
    <T, R> Map<String, R> run(Collection<T> items, Function<T, String> group, Function<T, R> task) {
        Map<String, R> results = new LinkedHashMap<>();
        if (items.size() == 1) {
            T only = items.iterator().next();
            results.put(only.toString(), bounded(group.apply(only), () -> task.apply(only)));
            return results;
        }
        Map<String, Future<R>> futures = new LinkedHashMap<>();
        for (T item : items) {
            futures.put(item.toString(), pool().submit(() -> bounded(group.apply(item), () -> task.apply(item))));
        }
        for (Map.Entry<String, Future<R>> entry : futures.entrySet()) {
            results.put(entry.getKey(), await(entry.getValue()));
        }
        return results;
    }

    private <R> R bounded(String group, java.util.function.Supplier<R> task) {
        Semaphore permits = groups.computeIfAbsent(group, g -> new Semaphore(perGroup));
        permits.acquireUninterruptibly();
        try {
            return task.get();
        } finally {
            permits.release();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ExecutorService pool() {
        ExecutorService current = pool;
        if (current == null) {
            synchronized (this) {
                if (pool == null) {
                    AtomicInteger count = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(concurrency, runnable -> {
                        Thread thread = new Thread(runnable, "check-image-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = pool;
            }
        }
        return current;
    }

    @Override
    public void close() {
        ExecutorService current = pool;
        if (current != null) {
            current.shutdownNow();
        }
    }

    List<String> groupsSeen() {
        return List.copyOf(groups.keySet());
    }
}
