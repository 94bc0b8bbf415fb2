package org.ova.site.render.internal;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Objects that are costly to make (page buffers, scratch arrays) kept per thread for reuse, like
 * jsoup's {@code SoftPool}: a thread borrows one, uses it, and releases it; a render inside a
 * render (a card inside a page) borrows a second. Each thread's idle objects are softly referenced,
 * so memory pressure can reclaim them, and at most {@link #MAX_IDLE} are kept.
 *
 * @param <T> what is pooled
 */
public final class PerThreadPool<T> {

    static final int MAX_IDLE = 8;

    private final Supplier<T> make;
    // an instance field on purpose: each pool is one kind of buffer, held in a static field by its user
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<SoftReference<ArrayDeque<T>>> idle = new ThreadLocal<>();

    /** @param make makes a new object when this thread has none idle */
    public PerThreadPool(Supplier<T> make) {
        this.make = make;
    }

    /** An idle object of this thread, or a new one; {@link #release} it when done. */
    public T borrow() {
        T value = idle().poll();
        return value != null ? value : make.get();
    }

    /** Gives {@code value} back for this thread's next {@link #borrow}; one not released is simply dropped. */
    public void release(T value) {
        ArrayDeque<T> free = idle();
        if (free.size() < MAX_IDLE) {
            free.push(value);
        }
    }

    private ArrayDeque<T> idle() {
        SoftReference<ArrayDeque<T>> reference = idle.get();
        ArrayDeque<T> free = reference == null ? null : reference.get();
        if (free == null) {
            free = new ArrayDeque<>();
            idle.set(new SoftReference<>(free));
        }
        return free;
    }
}
