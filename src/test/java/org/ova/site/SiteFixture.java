package org.ova.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.ova.repo.playlist.ManualPlaylist;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistRules;
import org.ova.repo.playlist.PlaylistSort;
import org.ova.repo.playlist.SmartPlaylist;
import org.ova.repo.playlist.TagRule;

/** Hand-made libraries for site tests: records built in code, dummy files on disk where links point. */
final class SiteFixture {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    private SiteFixture() {}

    static OvaConfig config(String title, int pageSize, String output) {
        OvaConfig defaults = OvaConfig.defaults();
        LibraryOptions library = defaults.library();
        return new OvaConfig(
                new LibraryOptions(title, library.extensions(), library.exclude(), library.followSymlinks()),
                defaults.ffmpeg(),
                defaults.processing(),
                new SiteOptions(output, pageSize, "default", "en"),
                defaults.server());
    }

    static MediaFacts facts(double duration, String container, String codec) {
        return new MediaFacts(duration, 1920, 1080, container, codec, "aac", 30, 4_000_000, VrMode.FLAT, List.of());
    }

    static VideoMetadata meta(String title, List<String> tags, int rating) {
        return new VideoMetadata(title, "", tags, rating, List.of(), List.of(), VrMode.AUTO, false);
    }

    static LibraryVideo video(
            String id,
            String path,
            int day,
            VideoMetadata metadata,
            Optional<MediaFacts> media,
            GeneratedMedia generated,
            VrMode vr) {
        return new LibraryVideo(
                id,
                path,
                1_234_567,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(day * 86400L),
                metadata,
                media,
                generated,
                vr);
    }

    /** Thumbnail, sprites and preview, with browsers playing {@code path} itself (as processing records it). */
    static GeneratedMedia generated(String id, String path) {
        String base = ".ova-repo/media/" + id + "/";
        return new GeneratedMedia(
                Optional.of(base + "thumb.jpg"),
                Optional.of(base + "sprites/sprites.vtt"),
                Optional.of(base + "preview.mp4"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new PlayableFile(path, path.endsWith(".webm") ? "video/webm" : "video/mp4")));
    }

    /**
     * A small library with every feature the site shows: tags with markup and unicode, folders,
     * chapters and markers, a VR video, an unplayable video with and without a proxy, a failed
     * video, a draft, a smart random playlist and a manual one. Dummy files exist for every link.
     */
    static Library richLibrary(Path root, String output) {
        LibraryLayout layout = new LibraryLayout(root);
        List<LibraryVideo> videos = new ArrayList<>();
        VideoMetadata beach = new VideoMetadata(
                "Beach <day> & \"fun\" 'too'",
                "Waves, sand & sun.\nSecond line.",
                List.of("Sea", "<b>bold</b>", "Café"),
                5,
                List.of(new Chapter(0, "Arrival"), new Chapter(2, "Swimming")),
                List.of(new Marker(1.5, "Big wave", List.of("wave"))),
                VrMode.AUTO,
                false);
        videos.add(video(
                "aaaaaaaaaaaaaaa1",
                "Trips/Summer 2024/beach #1.mp4",
                9,
                beach,
                Optional.of(facts(5, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                generated("aaaaaaaaaaaaaaa1", "Trips/Summer 2024/beach #1.mp4"),
                VrMode.FLAT));
        videos.add(video(
                "aaaaaaaaaaaaaaa2",
                "Trips/日本/東京.webm",
                8,
                meta("東京の夜", List.of("Sea", "日本"), 3),
                Optional.of(facts(65, "matroska,webm", "vp9")),
                generated("aaaaaaaaaaaaaaa2", "Trips/日本/東京.webm"),
                VrMode.FLAT));
        videos.add(video(
                "aaaaaaaaaaaaaaa3",
                "old.mkv",
                7,
                meta("Old HEVC", List.of("cafe"), 0),
                Optional.of(facts(3725, "matroska,webm", "hevc")),
                GeneratedMedia.NONE,
                VrMode.FLAT));
        String proxy = ".ova-repo/media/aaaaaaaaaaaaaaa4/proxy.mp4";
        GeneratedMedia proxied = new GeneratedMedia(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(proxy),
                Optional.empty(),
                Optional.of(new PlayableFile(proxy, "video/mp4")));
        videos.add(video(
                "aaaaaaaaaaaaaaa4",
                "Trips/proxied.avi",
                6,
                meta("Proxied", List.of(), 2),
                Optional.of(facts(10, "avi", "mpeg4")),
                proxied,
                VrMode.FLAT));
        GeneratedMedia failed = new GeneratedMedia(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("ffmpeg exited with code 1"),
                Optional.of(new PlayableFile("broken.mp4", "video/mp4")));
        videos.add(video(
                "aaaaaaaaaaaaaaa5",
                "broken.mp4",
                5,
                meta("Broken", List.of("Sea"), 1),
                Optional.empty(),
                failed,
                VrMode.FLAT));
        videos.add(video(
                "aaaaaaaaaaaaaaa6",
                "VR/dome_180_sbs.mp4",
                4,
                meta("Dome", List.of("vr"), 4),
                Optional.of(facts(20, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                generated("aaaaaaaaaaaaaaa6", "VR/dome_180_sbs.mp4"),
                new VrMode(VrMode.Projection.EQUIRECT_180, VrMode.Stereo.SIDE_BY_SIDE)));
        VideoMetadata draft =
                new VideoMetadata("Secret draft", "", List.of("secret"), 5, List.of(), List.of(), VrMode.AUTO, true);
        videos.add(video(
                "aaaaaaaaaaaaaaa7",
                "Trips/draft.mp4",
                10,
                draft,
                Optional.of(facts(5, "mov,mp4,m4a,3gp,3g2,mj2", "h264")),
                GeneratedMedia.NONE,
                VrMode.FLAT));
        List<Playlist> playlists = List.of(
                new SmartPlaylist(
                        "sea-mix",
                        "Sea <mix>",
                        "All the sea",
                        new PlaylistRules(
                                new TagRule(List.of("sea"), List.of(), List.of()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        new PlaylistSort(PlaylistSort.Key.RANDOM, false),
                        OptionalInt.empty()),
                new ManualPlaylist(
                        "my list",
                        "My list",
                        "",
                        List.of("old.mkv", "Trips/draft.mp4", "Trips/Summer 2024/beach #1.mp4", "gone.mp4")),
                new SmartPlaylist(
                        "everything",
                        "Everything",
                        "",
                        PlaylistRules.EVERYTHING,
                        PlaylistSort.DEFAULT,
                        OptionalInt.empty()));
        for (LibraryVideo v : videos) {
            touch(root.resolve(v.path()), "video");
            v.generated().thumbnail().ifPresent(p -> touch(root.resolve(p), "jpg"));
            v.generated().preview().ifPresent(p -> touch(root.resolve(p), "mp4"));
            v.generated().webProxy().ifPresent(p -> touch(root.resolve(p), "mp4"));
            v.generated().spritesVtt().ifPresent(p -> {
                touch(root.resolve(p), "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsprite-0.jpg#xywh=0,0,160,90\n");
                touch(root.resolve(p).resolveSibling("sprite-0.jpg"), "jpg");
            });
        }
        return new Library(layout, config("My <Videos> & more", 2, output), videos, playlists, List.of());
    }

    static void touch(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
