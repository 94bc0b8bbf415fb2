package org.ova.repo.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ova.repo.LibraryLayout;

/**
 * Gives every video of a library its stable identity: scans the library, fingerprints what is new
 * or changed, recognises renamed or moved videos (carrying their metadata file along) and
 * duplicates, and keeps the catalogue up to date.
 *
 * <p>A file whose path, size and modification time match the catalogue is not read at all, so an
 * unchanged library of ten thousand videos is indexed in about a second, JVM start included. The
 * catalogue is rewritten (atomically) only when something in it changed; failing to write it is
 * the one error that stops a run ({@link java.io.UncheckedIOException} naming the file).
 *
 * <p>When the same content sits at several paths, one is the video and the others are reported as
 * duplicates (and catalogued too, so they are not read again). The video is the path the
 * catalogue already knows as the video, so its metadata file stays attached; when that path is
 * gone, the content's new path (a move); otherwise the first path in sort order. In the catalogue,
 * the entry of a content seen first (then the first path) is the video.
 */
public final class LibraryIndexer {

    private final LibraryScanner scanner;
    private final Fingerprinter fingerprinter;
    private final CatalogStore catalogStore;
    private final Clock clock;

    public LibraryIndexer(LibraryScanner scanner, Fingerprinter fingerprinter, CatalogStore catalogStore,
                          Clock clock) {
        this.scanner = scanner;
        this.fingerprinter = fingerprinter;
        this.catalogStore = catalogStore;
        this.clock = clock;
    }

    /** Default parts: real files, the system clock. */
    public LibraryIndexer(ScanOptions options) {
        this(new LibraryScanner(options), new Fingerprinter(), new CatalogStore(), Clock.systemUTC());
    }

    public IndexResult index(LibraryLayout layout) {
        ScanResult scan = scanner.scan(layout);
        CatalogStore.Loaded loaded = catalogStore.load(layout.catalogFile());
        Run run = new Run(layout, loaded.catalog(), scan.files());
        run.warnings.addAll(scan.warnings());
        loaded.warning().ifPresent(run.warnings::add);

        for (List<Identified> sameContent : run.identify(scan.files()).values()) {
            run.place(sameContent);
        }
        run.keepUnreadable();

        Catalog catalog = new Catalog(sorted(run.entries, Comparator.comparing(CatalogEntry::path)));
        if (!loaded.intact() || !catalog.equals(loaded.catalog())) {
            catalogStore.save(layout.catalogFile(), catalog);
        }
        return new IndexResult(
                sorted(run.videos, Comparator.comparing(IndexedVideo::path)),
                sorted(run.duplicates, Comparator.comparing(Duplicate::path)),
                sorted(run.moves, Comparator.comparing(Move::to)),
                run.warnings, run.fingerprinted);
    }

    /** Among entries of one content, the video is the one seen first, then the first path. */
    private static final Comparator<CatalogEntry> VIDEO_FIRST =
            Comparator.comparing(CatalogEntry::added).thenComparing(CatalogEntry::path);

    /** The state of one indexing run. */
    private final class Run {
        final Map<String, CatalogEntry> knownByPath = new HashMap<>();
        final Map<String, CatalogEntry> knownById = new HashMap<>();
        final Set<String> presentPaths = new HashSet<>();
        final MetadataMover mover;
        final Instant now = clock.instant();
        final List<String> warnings = new ArrayList<>();
        final List<IndexedVideo> videos = new ArrayList<>();
        final List<Duplicate> duplicates = new ArrayList<>();
        final List<Move> moves = new ArrayList<>();
        final List<CatalogEntry> entries = new ArrayList<>();
        final List<CatalogEntry> unreadable = new ArrayList<>();
        int fingerprinted;

        Run(LibraryLayout layout, Catalog catalog, List<ScannedFile> files) {
            mover = new MetadataMover(layout);
            files.forEach(f -> presentPaths.add(f.path()));
            for (CatalogEntry entry : catalog.entries()) {
                knownByPath.putIfAbsent(entry.path(), entry);
                knownById.merge(entry.id(), entry, (a, b) -> VIDEO_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }

        /** Fingerprints (or recalls) each file and groups the files by content, in path order. */
        Map<String, List<Identified>> identify(List<ScannedFile> files) {
            Map<String, List<Identified>> byFingerprint = new LinkedHashMap<>();
            for (ScannedFile file : files) {
                CatalogEntry known = knownByPath.get(file.path());
                Fingerprint fingerprint;
                if (known != null && known.size() == file.size() && known.modifiedMillis() == file.modifiedMillis()) {
                    fingerprint = new Fingerprint(known.fingerprint());
                } else {
                    fingerprinted++;
                    try {
                        fingerprint = fingerprinter.fingerprint(file.file());
                    } catch (IOException | UncheckedIOException e) {
                        warnings.add("skipped " + file.path() + ": it vanished or became unreadable while indexing ("
                                + e + ")");
                        if (known != null) {
                            unreadable.add(known);
                        }
                        continue;
                    }
                }
                byFingerprint.computeIfAbsent(fingerprint.value(), k -> new ArrayList<>())
                        .add(new Identified(file, fingerprint));
            }
            return byFingerprint;
        }

        /** Lists one content as a video (reporting its other paths as duplicates) and notices moves. */
        void place(List<Identified> sameContent) {
            String id = sameContent.get(0).fingerprint().videoId();
            CatalogEntry known = knownById.get(id);
            Identified chosen = known == null ? sameContent.get(0) : chooseVideo(sameContent, known);
            ScannedFile file = chosen.file();
            if (known != null && !known.path().equals(file.path()) && !presentPaths.contains(known.path())) {
                moves.add(new Move(id, known.path(), file.path()));
                mover.move(known.path(), file.path()).ifPresent(warnings::add);
            }
            Instant added = known == null ? now : known.added();
            videos.add(new IndexedVideo(id, file.path(), file.file(), file.size(), file.modifiedMillis(), added));
            for (Identified member : sameContent) {
                if (member == chosen) {
                    entries.add(entry(member, added));
                } else {
                    duplicates.add(new Duplicate(member.file().path(), file.path(), id));
                    CatalogEntry before = knownByPath.get(member.file().path());
                    boolean seenBefore = before != null && before.id().equals(id) && !before.added().isBefore(added);
                    entries.add(entry(member, seenBefore ? before.added() : later(added)));
                }
            }
        }

        /**
         * The known path if it is still there; else, as the video was moved, its new path (the first
         * path not catalogued with this content); else the first path.
         */
        private Identified chooseVideo(List<Identified> sameContent, CatalogEntry known) {
            Identified newPath = null;
            for (Identified candidate : sameContent) {
                String path = candidate.file().path();
                if (path.equals(known.path())) {
                    return candidate;
                }
                CatalogEntry before = knownByPath.get(path);
                if (newPath == null && (before == null || !before.id().equals(known.id()))) {
                    newPath = candidate;
                }
            }
            return newPath != null ? newPath : sameContent.get(0);
        }

        /** A duplicate's entry is never older than its video's, so the video keeps that role next time. */
        private Instant later(Instant videoAdded) {
            return now.isAfter(videoAdded) ? now : videoAdded;
        }

        private CatalogEntry entry(Identified member, Instant added) {
            ScannedFile file = member.file();
            return new CatalogEntry(member.fingerprint().videoId(), file.path(), file.size(), file.modifiedMillis(),
                    member.fingerprint().value(), added);
        }

        /** A file that could not be read this time may well be back next time: keep its id and added time. */
        void keepUnreadable() {
            entries.addAll(unreadable);
        }
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        list.sort(order);
        return list;
    }

    private record Identified(ScannedFile file, Fingerprint fingerprint) {
    }
}
