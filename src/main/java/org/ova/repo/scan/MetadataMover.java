package org.ova.repo.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ova.repo.LibraryLayout;

/**
 * Carries a person's metadata file along when its video is renamed or moved, so tags, rating and
 * markers follow the video. The file is moved, never rewritten, so comments and formatting stay
 * exactly as the person left them; an existing file at the new place is never overwritten.
 */
public final class MetadataMover {

    private final LibraryLayout layout;

    public MetadataMover(LibraryLayout layout) {
        this.layout = layout;
    }

    /**
     * Moves the metadata of the video at {@code from} to that of {@code to}, if there is any.
     *
     * @return a warning when the move was not possible or would have overwritten a file
     */
    public Optional<String> move(String from, String to) {
        Path source = layout.metadataFile(from);
        Path target = layout.metadataFile(to);
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        if (Files.exists(target)) {
            return Optional.of("video " + from + " was moved to " + to + ", but both " + source + " and " + target
                    + " exist; kept both: merge them by hand and delete " + source);
        }
        try {
            Files.createDirectories(target.getParent());
            Files.move(source, target);
        } catch (IOException e) {
            return Optional.of("video " + from + " was moved to " + to + ", but its metadata " + source
                    + " could not be moved to " + target + " (" + e + "); move it by hand");
        }
        removeEmptyFolders(source.getParent());
        return Optional.empty();
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
