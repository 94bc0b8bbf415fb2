package org.ova.server.edit;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.ova.repo.Library;

/**
 * Refreshes the site after edits, one render at a time: an edit that finds a render running waits
 * for it, and needs no render of its own when a later one already showed its change. Twenty edits
 * arriving together cost a few renders, not twenty.
 */
final class CoalescedRefresh {

    private final SiteRefresh site;
    private final ReentrantLock lock = new ReentrantLock();
    /** Counts changes of the library; {@code rendered} is the count the site last showed. */
    private final AtomicLong changes = new AtomicLong();

    private final Set<String> unrendered = ConcurrentHashMap.newKeySet();
    private long rendered;

    CoalescedRefresh(SiteRefresh site) {
        this.site = site;
    }

    /** Records that the library now holds a change of video {@code id} (call after changing it). */
    void changed(String id) {
        unrendered.add(id);
        changes.incrementAndGet();
    }

    /** Records that the library was replaced as a whole. */
    void changedAll() {
        changes.incrementAndGet();
    }

    /** Renders {@code library} unless a render that began after the last change already showed it. */
    void refresh(Supplier<Library> library) {
        long wanted = changes.get();
        lock.lock();
        try {
            if (rendered >= wanted) {
                return;
            }
            // read before the library: the library then holds at least this many changes
            long showing = changes.get();
            Set<String> changed = new HashSet<>(unrendered);
            unrendered.removeAll(changed);
            site.refresh(library.get(), changed);
            rendered = showing;
        } finally {
            lock.unlock();
        }
    }
}
