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
import java.util.stream.Collectors;
import org.ova.repo.LibraryLayout;

/**
 * Gives every video of a library its stable identity: scans the library, fingerprints what is new
 * or changed, recognises renamed or moved videos (carrying their metadata file along) and
 * duplicates, and keeps the catalogue up to date.
 *
 * <p>Metadata follows content: a video whose content is no longer at its catalogued path was moved,
 * even when another video now has that path, so renames, swaps and cycles of names all keep each
 * video's metadata with it ({@link MetadataMover} moves the files, crash-safe). What sits below a
 * folder that could not be read this time is neither moved nor forgotten.
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

    public LibraryIndexer(LibraryScanner scanner, Fingerprinter fingerprinter, CatalogStore catalogStore, Clock clock) {
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
        MetadataMover mover = new MetadataMover(layout);
        Run run = new Run(loaded.catalog(), scan);
        run.warnings.addAll(scan.warnings());
        loaded.warning().ifPresent(run.warnings::add);
        run.warnings.addAll(mover.finishInterrupted(loaded.catalog()));

        for (List<Identified> sameContent : run.identify(scan.files()).values()) {
            run.place(sameContent);
        }

        Catalog catalog = new Catalog(sorted(run.entries, Comparator.comparing(CatalogEntry::path)));
        List<Move> moves = sorted(run.moves, Comparator.comparing(Move::to));
        run.warnings.addAll(mover.moveAll(moves, () -> {
            if (!loaded.intact() || !catalog.equals(loaded.catalog())) {
                catalogStore.save(layout.catalogFile(), catalog);
            }
        }));
        return new IndexResult(
                sorted(run.videos, Comparator.comparing(IndexedVideo::path)),
                sorted(run.duplicates, Comparator.comparing(Duplicate::path)),
                moves,
                run.warnings,
                run.fingerprinted,
                catalog.formerPaths(),
                catalog.entries().stream().map(CatalogEntry::id).collect(Collectors.toSet()));
    }

    /** Among entries of one content, the video is the one seen first, then the first path. */
    private static final Comparator<CatalogEntry> VIDEO_FIRST =
            Comparator.comparing(CatalogEntry::added).thenComparing(CatalogEntry::path);

    /** The state of one indexing run. */
    private final class Run {
        final Map<String, CatalogEntry> knownByPath = new HashMap<>();
        final Map<String, CatalogEntry> knownById = new HashMap<>();
        final ScanResult scan;
        final Instant now = clock.instant();
        final List<String> warnings = new ArrayList<>();
        final List<IndexedVideo> videos = new ArrayList<>();
        final List<Duplicate> duplicates = new ArrayList<>();
        final List<Move> moves = new ArrayList<>();
        final List<CatalogEntry> entries = new ArrayList<>();
        final Set<String> failedToRead = new HashSet<>();
        int fingerprinted;

        Run(Catalog catalog, ScanResult scan) {
            this.scan = scan;
            for (CatalogEntry entry : catalog.entries()) {
                knownByPath.putIfAbsent(entry.path(), entry);
                knownById.merge(entry.id(), entry, (a, b) -> VIDEO_FIRST.compare(a, b) <= 0 ? a : b);
                if (scan.isUnreadable(entry.path())) {
                    entries.add(entry); // it may well be back next time: keep its id, added time and former paths
                }
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
                        failedToRead.add(file.path());
                        if (known != null) {
                            entries.add(known); // it may well be readable next time
                        }
                        continue;
                    }
                }
                byFingerprint
                        .computeIfAbsent(fingerprint.value(), k -> new ArrayList<>())
                        .add(new Identified(file, fingerprint));
            }
            return byFingerprint;
        }

        /**
         * Lists one content as a video (reporting its other paths as duplicates) and notices a move:
         * the content is no longer at its known path, whatever is there now, and that path could be read.
         */
        void place(List<Identified> sameContent) {
            String id = sameContent.get(0).fingerprint().videoId();
            CatalogEntry known = knownById.get(id);
            Identified chosen = known == null ? sameContent.get(0) : chooseVideo(sameContent, known);
            ScannedFile file = chosen.file();
            List<String> formerPaths = known == null ? List.of() : known.formerPaths();
            if (known != null
                    && !known.path().equals(file.path())
                    && !scan.isUnreadable(known.path())
                    && !failedToRead.contains(known.path())) {
                moves.add(new Move(id, known.path(), file.path()));
                formerPaths = withFormer(formerPaths, known.path(), file.path());
            }
            Instant added = known == null ? now : known.added();
            videos.add(new IndexedVideo(id, file.path(), file.file(), file.size(), file.modifiedMillis(), added));
            for (Identified member : sameContent) {
                if (member.file().path().equals(chosen.file().path())) {
                    entries.add(entry(member, added, formerPaths));
                } else {
                    duplicates.add(new Duplicate(member.file().path(), file.path(), id));
                    CatalogEntry before = knownByPath.get(member.file().path());
                    boolean seenBefore = before != null
                            && before.id().equals(id)
                            && !before.added().isBefore(added);
                    entries.add(entry(member, seenBefore ? before.added() : later(added), List.of()));
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

        private CatalogEntry entry(Identified member, Instant added, List<String> formerPaths) {
            ScannedFile file = member.file();
            return new CatalogEntry(
                    member.fingerprint().videoId(),
                    file.path(),
                    file.size(),
                    file.modifiedMillis(),
                    member.fingerprint().value(),
                    added,
                    formerPaths);
        }
    }

    /** {@code formerPaths} plus {@code left}, without {@code now}, the latest few. */
    private static List<String> withFormer(List<String> formerPaths, String left, String now) {
        List<String> paths = new ArrayList<>(formerPaths);
        paths.remove(left);
        paths.remove(now);
        paths.add(left);
        return List.copyOf(paths.subList(Math.max(0, paths.size() - CatalogEntry.FORMER_PATHS_KEPT), paths.size()));
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        list.sort(order);
        return list;
    }

    private record Identified(ScannedFile file, Fingerprint fingerprint) {}
}
