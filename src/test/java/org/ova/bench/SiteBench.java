package org.ova.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.PlayableFile;
import org.ova.repo.config.LibraryOptions;
import org.ova.repo.config.OvaConfig;
import org.ova.repo.config.SiteOptions;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VideoMetadata;
import org.ova.repo.metadata.VrMode;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistRules;
import org.ova.repo.playlist.PlaylistSort;
import org.ova.repo.playlist.SmartPlaylist;
import org.ova.repo.playlist.TagRule;
import org.ova.site.SiteBuilder;
import org.ova.site.SiteResult;

/**
 * Times the site render of a synthetic library (records built in memory, sprite WebVTT files on
 * disk): a full render into an empty folder, then a no-op render (inputs unchanged: nothing is
 * rendered), with a fresh engine as {@code ova build} makes and one engine kept as the server would,
 * then a forced re-render whose pages all come out byte-identical (renders every page, writes none).
 *
 * <p>Usage: {@code SiteBench WORKDIR [VIDEOS [SITE_FOLDER]]} (default 10000 videos, site in the library).
 */
public final class SiteBench {

    private static final String[] WORDS = ("family holiday beach mountain lecture physics morning evening "
                    + "birthday party garden grandma kids school concert piano guitar football river lake forest snow "
                    + "winter summer trip city museum train camping sunset café")
            .split(" ");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "bench/results/site");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String output = args.length > 2 ? args[2] : ".ova-repo/site";
        Path root = work.resolve("library");
        Library library = library(root, count, output);
        Path site = library.config().site().outputDir(library.layout());
        if (Files.exists(site)) {
            throw new IllegalStateException(site + " exists: the first render must start from an empty folder "
                    + "(bench/site.sh names a fresh one)");
        }
        // flush the synthetic library's own files first, so their write-back does not count as rendering
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        System.out.println("site folder: " + site);
        time("full render (fresh engine)", () -> SiteBuilder.build(library, now));
        time("no-op render (fresh engine)", () -> SiteBuilder.build(library, now));
        SiteBuilder builder = new SiteBuilder(library.layout(), "default");
        time("no-op render (warm engine)", () -> builder.render(library, now));
        time("no-op render (warm engine)", () -> builder.render(library, now));
        Path manifest = library.layout().machineDir().resolve("site-files.json");
        time("re-render, same bytes (warm)", () -> {
            forget(manifest);
            return builder.render(library, now, true);
        });
        time("re-render, same bytes (warm)", () -> {
            forget(manifest);
            return builder.render(library, now, true);
        });
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("heap in use after: %d MB%n", heap / 1_000_000);
    }

    /**
     * Without the manifest the renderer cannot know the site is current, so it renders every page (forced:
     * the folder is no longer known as ova's).
     */
    private static void forget(Path manifest) {
        try {
            Files.deleteIfExists(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void time(String what, Supplier<SiteResult> run) {
        long start = System.nanoTime();
        SiteResult result = run.get();
        System.out.printf("%-30s %6d ms  %s%n", what, (System.nanoTime() - start) / 1_000_000, result);
    }

    /** @param output the site folder, relative to the library or absolute */
    static Library library(Path root, int count, String output) throws Exception {
        Random random = new Random(42);
        List<LibraryVideo> videos = new ArrayList<>();
        String vtt = "WEBVTT\n\n" + "00:00:00.000 --> 00:00:10.000\nsprite-0.jpg#xywh=0,0,160,90\n\n".repeat(30);
        for (int i = 0; i < count; i++) {
            String id = String.format("%016x", i * 7919L + 11);
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            StringBuilder description = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                description.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            VideoMetadata meta = new VideoMetadata(
                    title,
                    description.toString(),
                    List.of(WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length]),
                    i % 6,
                    List.of(new Chapter(0, "Start"), new Chapter(60, "Middle")),
                    List.of(new Marker(30, "Moment", List.of())),
                    VrMode.AUTO,
                    false);
            String base = ".ova-repo/media/" + id + "/";
            String path = "folder-" + i % 100 + "/sub-" + i % 7 + "/video " + i + ".mp4";
            GeneratedMedia generated = new GeneratedMedia(
                    Optional.of(base + "thumb.jpg"),
                    Optional.of(base + "sprites/sprites.vtt"),
                    Optional.of(base + "preview.mp4"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new PlayableFile(path, "video/mp4")));
            Path vttFile = root.resolve(base + "sprites/sprites.vtt");
            if (!Files.exists(vttFile)) {
                Files.createDirectories(vttFile.getParent());
                Files.writeString(vttFile, vtt);
            }
            videos.add(new LibraryVideo(
                    id,
                    path,
                    50_000_000L + i,
                    Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 3600L),
                    meta,
                    Optional.of(new MediaFacts(
                            120 + i % 600,
                            1920,
                            1080,
                            "mov,mp4,m4a,3gp,3g2,mj2",
                            "h264",
                            "aac",
                            30,
                            4_000_000,
                            VrMode.FLAT,
                            List.of())),
                    generated,
                    VrMode.FLAT));
        }
        List<Playlist> playlists = List.of(new SmartPlaylist(
                "beach",
                "Beach",
                "",
                new PlaylistRules(
                        new TagRule(List.of("beach"), List.of(), List.of()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                new PlaylistSort(PlaylistSort.Key.RANDOM, false),
                OptionalInt.empty()));
        OvaConfig defaults = OvaConfig.defaults();
        LibraryOptions options = defaults.library();
        OvaConfig config = new OvaConfig(
                new LibraryOptions("Bench", options.extensions(), options.exclude(), options.followSymlinks()),
                defaults.ffmpeg(),
                defaults.processing(),
                defaults.site(),
                defaults.server());
        SiteOptions site = defaults.site();
        config = new OvaConfig(
                config.library(),
                config.ffmpeg(),
                config.processing(),
                new SiteOptions(output, site.pageSize(), site.theme(), site.language()),
                config.server());
        return new Library(new LibraryLayout(root), config, videos, playlists, List.of());
    }
}
