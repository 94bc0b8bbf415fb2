package org.ova.site.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.site.LibraryLinks;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteManifest;
import org.ova.site.SiteResult;

/**
 * Makes a self-contained copy of a built library's site that works from any static host, from
 * {@code file://} and under any sub-path: the pages (rendered by the normal {@link SiteBuilder} with
 * links into the copy), only the media those pages use, and the videos (hard links, copies, or
 * addresses on another host). Drafts, config.yaml (with the server token), logs, metadata and
 * machine files never go in. Re-publishing writes only what changed and deletes what no longer belongs.
 */
public final class Publisher {

    private Publisher() {}

    /**
     * Publishes {@code library} into {@code options.out()}.
     *
     * @param library the library as built (generated media up to date)
     * @param now     the build time, for playlists' {@code addedWithin} rules
     * @throws PublishException when {@code options.out()} is a folder ova must not write to
     */
    public static PublishResult publish(Library library, PublishOptions options, Instant now) {
        checkTarget(library.layout(), options);
        Library subset = LibrarySubset.of(library, options.subset(), now);
        PublishPlan plan = PublishPlan.of(subset, options);
        PublishedFiles files =
                new PublishedFiles(options.out(), SiteManifest.publishedFiles(library.layout(), options.out()));
        // checkTarget decided whether the folder may be written; the renderer's own check would refuse
        // the videos and media a first publish into it already put there
        SiteResult site = new SiteBuilder(
                        library.layout(), library.config().site().theme())
                .render(subset, now, options.out(), LibraryLinks.published(plan.addresses()), true);
        PublishedFiles.SyncResult synced = files.sync(plan.files(), options.videos() == PublishOptions.VideoFiles.LINK);
        return new PublishResult(subset.videos().size(), site, synced);
    }

    /**
     * Refuses a folder ova must not publish into: inside the library (but for a hidden folder), the
     * library itself, or a non-empty folder it did not make (unless forced). Called before a build starts.
     *
     * @throws PublishException naming the folder and what to do
     */
    public static void checkTarget(LibraryLayout layout, PublishOptions options) {
        Path out = options.out();
        if (out.startsWith(layout.repoDir())) {
            throw new PublishException("cannot publish into " + out + ": it is inside the library's "
                    + LibraryLayout.REPO_DIR + " (choose a folder outside it)");
        }
        if (layout.root().startsWith(out)) {
            throw new PublishException("cannot publish into " + out + ": it holds the library itself"
                    + " (choose an empty folder or one made by ova publish)");
        }
        if (out.startsWith(layout.root()) && !underHiddenFolder(layout.root().relativize(out))) {
            throw new PublishException("cannot publish into " + out + ": it is inside the library, whose next"
                    + " build would find the published videos as new ones (choose a folder outside it)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new PublishException("cannot publish into " + out + ": it is a file, not a folder");
        }
        if (!options.force() && SiteManifest.of(layout, out).read().isEmpty() && !isEmptyOrMissing(out)) {
            throw new PublishException("will not publish into " + out + ": the folder is not empty and was not"
                    + " made by ova publish (choose an empty folder, or add --force to publish into it anyway)");
        }
    }

    /** Hidden folders are never scanned, so a published copy in one does not feed the next build. */
    private static boolean underHiddenFolder(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder + ": " + e.getMessage(), e);
        }
    }
}
