package org.ova.site.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.site.SiteUrls;

/**
 * Where each library file of a published copy goes: videos under {@code videos/} with names safe on
 * any disk (see {@link SafeNames}), each video's generated media under {@code media/ID/} as in
 * {@code .ova-repo/media/}. Pages are rendered with {@code addresses}; {@code files} is what is linked
 * or copied. Nothing else of {@code .ova-repo} ever gets a place.
 *
 * @param addresses the encoded address of each linked library file (by library path) from the site root
 * @param files     the library file each published path (relative to the published folder) holds
 */
public record PublishPlan(Map<String, String> addresses, Map<String, Path> files) {

    static final String VIDEOS = "videos/";
    static final String MEDIA = "media/";
    private static final String MEDIA_IN_REPO = LibraryLayout.REPO_DIR + "/media/";

    /** The plan of {@code library} (already the published subset) with {@code options}. */
    public static PublishPlan of(Library library, PublishOptions options) {
        Path root = library.layout().root();
        Map<String, String> addresses = new HashMap<>();
        Map<String, Path> files = new TreeMap<>();
        List<String> paths =
                library.videos().stream().map(LibraryVideo::path).sorted().toList();
        SafeNames.paths(paths).forEach((path, safe) -> {
            String target = VIDEOS + safe;
            addresses.put(
                    path,
                    options.videoBaseUrl()
                            .map(base -> base + SiteUrls.encodePath(path))
                            .orElse(SiteUrls.encodePath(target)));
            if (options.videoBaseUrl().isEmpty() && options.videos() != PublishOptions.VideoFiles.NONE) {
                files.put(target, root.resolve(path));
            }
        });
        // reads every sprites WebVTT: on all cores
        for (List<String> media : library.videos().parallelStream()
                .map(video -> media(video, root))
                .toList()) {
            for (String path : media) {
                String target = mediaTarget(path);
                addresses.put(path, SiteUrls.encodePath(target));
                files.put(target, root.resolve(path));
            }
        }
        return new PublishPlan(addresses, files);
    }

    /** The library paths of the generated files {@code video}'s pages use, sprite sheets included. */
    private static List<String> media(LibraryVideo video, Path root) {
        GeneratedMedia generated = video.generated();
        List<String> paths = new ArrayList<>();
        for (Optional<String> media :
                List.of(generated.thumbnail(), generated.preview(), generated.webProxy(), generated.spritesVtt())) {
            media.ifPresent(paths::add);
        }
        generated
                .spritesVtt()
                .ifPresent(vtt -> spriteSheets(root.resolve(vtt))
                        .forEach(sheet -> paths.add(vtt.substring(0, vtt.lastIndexOf('/') + 1) + sheet)));
        return paths;
    }

    /** {@code .ova-repo/media/ID/thumb.jpg} goes to {@code media/ID/thumb.jpg}: ova's own, safe names. */
    private static String mediaTarget(String libraryPath) {
        if (!libraryPath.startsWith(MEDIA_IN_REPO)) {
            throw new PublishException("generated media outside " + MEDIA_IN_REPO + ": " + libraryPath);
        }
        return MEDIA + libraryPath.substring(MEDIA_IN_REPO.length());
    }

    /** The image files a sprites WebVTT names ({@code sprite-1.jpg#xywh=…}), beside it. */
    private static List<String> spriteSheets(Path vtt) {
        try {
            return Files.readAllLines(vtt, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("#xywh="))
                    .map(line -> line.substring(0, line.indexOf('#')).trim())
                    .filter(name -> !name.isEmpty() && !name.contains("/") && !name.contains("\\"))
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read " + vtt + ": " + e.getMessage() + " (run ova build to make it again)", e);
        }
    }
}
