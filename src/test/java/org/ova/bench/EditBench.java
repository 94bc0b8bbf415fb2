package org.ova.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ova.repo.AtomicFiles;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.metadata.MetadataReader;
import org.ova.repo.metadata.MetadataRewriter;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.server.edit.EditOutcome;
import org.ova.server.edit.EditableVideo;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteResult;

/**
 * Times edits as the server makes them, from the call to pages on disk: {@link VideoEditor#edit} with
 * the If-Match of the state just read (YAML rewritten, written atomically, read back) and the
 * {@link LiveSite} refresh it triggers, on the synthetic library of {@link SiteBench} after one full
 * render and the refresh {@code ova serve} makes right after its start, written back to disk. The edits cycle through a rating, a title, a tag the library has, and a marker.
 *
 * <p>Usage: {@code EditBench WORKDIR [VIDEOS [EDITS]]} (defaults 10000 videos, 50 edits).
 */
public final class EditBench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "bench/results/edit");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path root = work.resolve("library");
        Library library = SiteBench.library(root, count, ".ova-repo/site");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<LibraryVideo> edited = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            LibraryVideo video = library.videos().get((i * 7919) % count);
            edited.add(video);
            writeYaml(library, video);
        }
        LiveSite site = new LiveSite(new SiteBuilder(library.layout(), "default"));
        long start = System.nanoTime();
        SiteResult first = site.refresh(library, now);
        System.out.printf("first refresh (full render): %d ms  %s%n", (System.nanoTime() - start) / 1_000_000, first);
        // as in ova serve, where the hand-edits watcher reads the files once more right after the start and
        // refreshes the site with what it read (nothing changed: every page kept)
        SiteResult settled = site.refresh(library, now);
        System.out.printf("refresh with nothing changed (as at ova serve's start): %s%n", settled);
        // the first render's 12,000 pages are written back to disk first, as they long are when a person
        // edits on a running server: timed right after it, the edits would wait behind that write-back
        long syncStart = System.nanoTime();
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        System.out.printf("written back to disk (sync): %d ms%n", (System.nanoTime() - syncStart) / 1_000_000);
        List<SiteResult> results = new ArrayList<>();
        VideoEditor editor = new VideoEditor(library, (lib, changed) -> results.add(site.refresh(lib, now)));
        long[] millis = new long[edits];
        for (int i = 0; i < edits; i++) {
            LibraryVideo video = edited.get(i);
            EditableVideo state = editor.read(video.id()).orElseThrow();
            String etag = state.etag();
            String body = switch (i % 4) {
                case 0 -> "{\"rating\": " + (state.metadata().rating() % 5 + 1) + "}";
                case 1 -> "{\"title\": \"Edited title " + i + "\"}";
                case 2 -> "{\"tags\": [\"beach\", \"summer\", \"piano\"]}";
                default -> "{\"markers\": [{\"at\": \"0:42.5\", \"label\": \"edit " + i + "\"}]}";
            };
            long t0 = System.nanoTime();
            EditOutcome outcome = editor.edit(video.id(), Optional.of(etag), body.getBytes());
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
            if (!(outcome instanceof EditOutcome.Applied)) {
                throw new IllegalStateException("edit " + i + " not applied: " + outcome);
            }
            System.out.printf("edit %2d %-60s %5d ms  %s%n", i, body, millis[i], results.get(results.size() - 1));
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%d edits on %d videos: p50 %d ms, p95 %d ms, max %d ms (budget: p95 under 200 ms)%n",
                edits, count, sorted[edits / 2], sorted[(int) Math.ceil(edits * 0.95) - 1], sorted[edits - 1]);
    }

    /** The video's metadata as a YAML file, as a person's file would hold it. */
    private static void writeYaml(Library library, LibraryVideo video) {
        Path file = library.layout().metadataFile(video.path());
        String title = TitleFromFileName.of(video.path());
        String text = MetadataRewriter.rewrite(
                file, "", MetadataReader.parse(file, "", title).metadata(), video.metadata());
        AtomicFiles.write(file, text);
    }
}
