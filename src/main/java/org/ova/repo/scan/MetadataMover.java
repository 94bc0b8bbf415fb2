package org.ova.repo.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;

/**
 * Carries a person's metadata files along when their videos are renamed or moved, so tags, rating
 * and markers follow the content. Files are moved, never rewritten, so comments and formatting
 * stay exactly as the person left them; a file that belongs to no moving video is never overwritten.
 *
 * <p>Swaps and cycles ({@code a→b}, {@code b→a}) need every file out of the way before any lands,
 * so a batch runs in steps, each of which a kill may interrupt without losing a file:
 * <ol>
 *   <li>the plan is written (atomically) to {@code metadata/.moving/plan.json};</li>
 *   <li>the catalogue that records the new paths is saved (the caller's commit);</li>
 *   <li>every file is parked in {@code metadata/.moving/} by an atomic rename, then a marker
 *       {@code parked} says all are;</li>
 *   <li>each parked file is renamed to its new place; then the plan and the folder are removed.</li>
 * </ol>
 * A run that finds a plan finishes it first: from step 3 when the catalogue already records the
 * moves (or anything was parked), else it drops the plan, as nothing moved and the moves will be
 * found again. Until then every file is at its old place, parked or at its new place.
 */
public final class MetadataMover {

    private final LibraryLayout layout;
    private final Path workDir;
    private final Path planFile;
    private final Path parkedMarker;

    public MetadataMover(LibraryLayout layout) {
        this.layout = layout;
        this.workDir = layout.metadataDir().resolve(".moving");
        this.planFile = workDir.resolve("plan.json");
        this.parkedMarker = workDir.resolve("parked");
    }

    /**
     * Moves the metadata of each of {@code moves} whose old path has a file, running {@code commit}
     * (saving the catalogue) once the plan is safe on disk and before any file moves.
     *
     * @return warnings: moves that would overwrite a file, files that could not be moved
     */
    public List<String> moveAll(List<Move> moves, Runnable commit) {
        List<String> warnings = new ArrayList<>();
        List<Move> planned = plan(moves, warnings);
        if (planned.isEmpty()) {
            commit.run();
            return warnings;
        }
        MovePlanFile.write(planFile, planned);
        try {
            commit.run();
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(planFile);
            throw e;
        }
        carryOut(planned, false, warnings);
        return warnings;
    }

    /**
     * Finishes a batch a killed run left behind, judging from {@code catalog} (as loaded) whether its
     * moves were recorded.
     *
     * @return warnings about files that could not be put in place
     */
    public List<String> finishInterrupted(Catalog catalog) {
        List<String> warnings = new ArrayList<>();
        if (!Files.isDirectory(workDir)) {
            return warnings;
        }
        if (!Files.exists(planFile)) {
            leftovers(warnings);
            return warnings;
        }
        List<Move> planned;
        try {
            planned = MovePlanFile.read(planFile);
        } catch (IOException | RuntimeException e) {
            warnings.add("the plan of an interrupted metadata move, " + planFile + ", cannot be read (" + e
                    + "); files it parked are in " + workDir + ": move each to its video's metadata path by hand");
            return warnings;
        }
        boolean parked = Files.exists(parkedMarker);
        if (parked || anyParked(planned) || recorded(planned, catalog)) {
            carryOut(planned, parked, warnings);
        } else {
            AtomicFiles.deleteQuietly(planFile);
            AtomicFiles.deleteQuietly(workDir);
        }
        return warnings;
    }

    /** The moves that can be made: a file to move, and a free target or one that moves away too. */
    private List<Move> plan(List<Move> moves, List<String> warnings) {
        List<Move> planned = new ArrayList<>(moves.stream()
                .filter(m -> Files.isRegularFile(layout.metadataFile(m.from())))
                .toList());
        boolean dropped = true;
        while (dropped) {
            Set<String> leaving = new HashSet<>(planned.stream().map(Move::from).toList());
            List<Move> blocked = planned.stream()
                    .filter(m -> !leaving.contains(m.to()) && Files.exists(layout.metadataFile(m.to())))
                    .toList();
            blocked.forEach(m -> warnings.add("video " + m.from() + " was moved to " + m.to() + ", but both "
                    + layout.metadataFile(m.from()) + " and " + layout.metadataFile(m.to())
                    + " exist; kept both: merge them by hand and delete " + layout.metadataFile(m.from())));
            planned.removeAll(blocked);
            dropped = !blocked.isEmpty();
        }
        return planned;
    }

    private void carryOut(List<Move> planned, boolean alreadyParked, List<String> warnings) {
        try {
            if (!alreadyParked) {
                for (int i = 0; i < planned.size(); i++) {
                    Path source = layout.metadataFile(planned.get(i).from());
                    if (!Files.exists(parked(i, planned)) && Files.isRegularFile(source)) {
                        Files.createDirectories(workDir);
                        Files.move(source, parked(i, planned), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                createMarker();
            }
            place(planned, warnings);
        } catch (IOException | UncheckedIOException e) {
            warnings.add("moving metadata files stopped (" + e + "); the next build finishes it, or move the files in "
                    + workDir + " as " + planFile + " says");
            return;
        }
        AtomicFiles.deleteQuietly(planFile);
        AtomicFiles.deleteQuietly(parkedMarker);
        leftovers(warnings);
        planned.forEach(m -> removeEmptyFolders(layout.metadataFile(m.from()).getParent()));
    }

    private void place(List<Move> planned, List<String> warnings) throws IOException {
        Set<String> vacated = new HashSet<>(planned.stream().map(Move::from).toList());
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        for (int i = 0; i < planned.size(); i++) {
            Move move = planned.get(i);
            Path parked = parked(i, planned);
            Path target = layout.metadataFile(move.to());
            if (!Files.exists(parked)) {
                continue; // placed before a kill, or there was nothing to move
            }
            if (Files.exists(target)) {
                warnings.add("the metadata of " + move.to() + " (before: " + move.from() + ") is kept at " + parked
                        + ", because " + target + " appeared meanwhile: merge them by hand");
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.move(parked, target, StandardCopyOption.ATOMIC_MOVE);
            if (vacated.contains(move.to())) {
                // another file was here until now; caches that know files by path, size and time must see a change
                Files.setLastModifiedTime(target, now);
            }
        }
    }

    private Path parked(int index, List<Move> planned) {
        String to = planned.get(index).to();
        return workDir.resolve(index + "-" + to.substring(to.lastIndexOf('/') + 1) + ".yaml");
    }

    private boolean anyParked(List<Move> planned) {
        for (int i = 0; i < planned.size(); i++) {
            if (Files.exists(parked(i, planned))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the catalogue was saved with these moves: each id at its new path, none at its old. */
    private static boolean recorded(List<Move> planned, Catalog catalog) {
        Set<String> known = new HashSet<>();
        catalog.entries().forEach(e -> known.add(e.id() + '\n' + e.path()));
        return planned.stream()
                .allMatch(m -> known.contains(m.id() + '\n' + m.to()) && !known.contains(m.id() + '\n' + m.from()));
    }

    private void createMarker() throws IOException {
        try {
            Files.createFile(parkedMarker);
        } catch (FileAlreadyExistsException e) {
            // a resumed run parked the rest
        }
    }

    /** Removes the work folder, unless files are left in it: then says where they are. */
    private void leftovers(List<String> warnings) {
        AtomicFiles.deleteQuietly(parkedMarker);
        try (Stream<Path> files = Files.list(workDir)) {
            if (files.findAny().isPresent()) {
                warnings.add("metadata files of an interrupted move are left in " + workDir
                        + ": move each to its video's metadata path by hand (the number is the order of the move)");
                return;
            }
        } catch (IOException e) {
            return;
        }
        AtomicFiles.deleteQuietly(workDir);
    }

    private void removeEmptyFolders(Path folder) {
        Path stop = layout.metadataDir();
        for (Path f = folder; f != null && f.startsWith(stop) && !f.equals(stop); f = f.getParent()) {
            try {
                Files.delete(f);
            } catch (IOException e) {
                return; // not empty (the usual stop), or not removable: a leftover folder is harmless
            }
        }
    }
}
