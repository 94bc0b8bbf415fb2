package org.ova.site.render.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the site's files on threads of their own while pages are still being rendered. Creating a
 * file can take a millisecond or more (a USB stick, a network share, a busy disk), and a render
 * thread waiting on the disk would leave its core idle; a few writers let the disk work on several
 * files at once. At most {@link #PENDING} rendered files wait in memory at a time.
 */
public final class WriteQueue {

    static final int WRITERS = 4;
    static final int PENDING = 256;

    private final ExecutorService writers;
    private final Semaphore room = new Semaphore(PENDING);
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

    public WriteQueue() {
        AtomicInteger number = new AtomicInteger();
        writers = Executors.newFixedThreadPool(WRITERS, task -> {
            Thread thread = new Thread(task, "ova-site-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code write} on a writer thread; waits while too many files are pending. */
    public void submit(Runnable write) {
        room.acquireUninterruptibly();
        writers.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                failures.add(e);
            } finally {
                room.release();
            }
        });
    }

    /**
     * Waits until every submitted file is written.
     *
     * @return the failures, in no particular order (empty when all went well)
     */
    public List<RuntimeException> finish() {
        writers.shutdown();
        try {
            while (!writers.awaitTermination(1, TimeUnit.MINUTES)) {
                // a very slow disk: keep waiting, the caller must not see a site folder still changing
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writers.shutdownNow();
        }
        return List.copyOf(failures);
    }
}
