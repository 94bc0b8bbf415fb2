package org.ova.site;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ova.repo.LibraryLayout;
import org.ova.repo.LibraryVideo;
import org.ova.repo.MediaFacts;
import org.ova.repo.metadata.Chapter;
import org.ova.repo.metadata.Marker;
import org.ova.repo.metadata.VrMode;

/** Turns a library video into what the templates show, given the slugs of tags and folders. */
final class VideoViews {

    private final LibraryLinks links;
    /** The library folder as text, to take out of messages: pages never show where the library lives. */
    private final String libraryRoot;
    /** Each tag's link, made once: a library has far fewer tags than tagged videos. */
    private final Map<String, TagLink> tagLinks = new HashMap<>();

    private final Map<String, String> folderSlugs;

    VideoViews(LibraryLinks links, Path libraryRoot, Map<String, String> tagSlugs, Map<String, String> folderSlugs) {
        this.links = links;
        this.libraryRoot = libraryRoot.toAbsolutePath().normalize().toString();
        tagSlugs.forEach((tag, slug) ->
                tagLinks.put(tag, new TagLink(tag, slug, SiteUrls.encodePath(SitePaths.tag(slug, 1)))));
        this.folderSlugs = folderSlugs;
    }

    VideoView view(LibraryVideo video, int index) {
        double duration = video.duration().orElse(0);
        List<TagLink> tags = new ArrayList<>();
        for (String tag : video.metadata().tags()) {
            tags.add(tagLinks.get(tag));
        }
        var generated = video.generated();
        String folder = video.folder();
        String folderSlug = folderSlugs.get(folder);
        String sprites = generated.spritesVtt().orElse("");
        String failure = generated.failure().map(this::libraryRelative).orElse("");
        return new VideoView(
                index,
                video.id(),
                video.path(),
                video.metadata().title(),
                video.metadata().description(),
                tags,
                video.metadata().rating(),
                duration,
                video.media().isPresent() ? Formats.length(duration) : "",
                SiteUrls.encodePath(SitePaths.video(video.id())),
                generated.thumbnail().map(links::file).orElse(SitePaths.PLACEHOLDER),
                generated.thumbnail().isPresent(),
                generated.preview().map(links::file).orElse(""),
                sprites,
                sprites.isEmpty() ? "" : links.folderOf(sprites),
                folder,
                folderSlug == null ? "" : SiteUrls.encodePath(SitePaths.folder(folderSlug, 1)),
                video.size(),
                Formats.size(video.size()),
                Formats.day(video.added()),
                video.added().getEpochSecond(),
                resolution(video),
                codec(video),
                Playback.of(video, links, failure),
                chapters(video, duration),
                markers(video),
                vr(video),
                LibraryLayout.REPO_DIR + "/metadata/" + video.path() + ".yaml",
                failure);
    }

    /**
     * {@code message} with the library folder's absolute path taken out of file names in it
     * ({@code /home/ann/Videos/clips/a.mp4 is empty} becomes {@code clips/a.mp4 is empty}): processing
     * messages name files as the machine sees them, a published page must not.
     */
    String libraryRelative(String message) {
        return message.replace(libraryRoot + File.separator, "").replace(libraryRoot, ".");
    }

    private static String resolution(LibraryVideo video) {
        return video.media()
                .filter(facts -> facts.width() > 0 && facts.height() > 0)
                .map(facts -> facts.width() + "×" + facts.height())
                .orElse("");
    }

    private static String codec(LibraryVideo video) {
        return video.media().map(VideoViews::codec).orElse("");
    }

    private static String codec(MediaFacts facts) {
        String audio = facts.audioCodec() == null || facts.audioCodec().isEmpty() ? "" : " / " + facts.audioCodec();
        return facts.videoCodec().toLowerCase(Locale.ROOT) + audio;
    }

    private static List<ChapterView> chapters(LibraryVideo video, double duration) {
        List<Chapter> chapters = video.metadata().chapters();
        if (chapters.isEmpty()) {
            chapters = video.media().map(MediaFacts::chapters).orElse(List.of());
        }
        List<ChapterView> views = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            double end = i + 1 < chapters.size() ? chapters.get(i + 1).start() : Math.max(duration, chapter.start());
            views.add(new ChapterView(chapter.start(), end, chapter.title(), Formats.duration(chapter.start())));
        }
        return views;
    }

    private static List<MarkerView> markers(LibraryVideo video) {
        List<MarkerView> views = new ArrayList<>();
        for (Marker marker : video.metadata().markers()) {
            String label = marker.label() == null || marker.label().isEmpty()
                    ? "Marker at " + Formats.duration(marker.at())
                    : marker.label();
            views.add(new MarkerView(marker.at(), label, marker.tags(), Formats.duration(marker.at())));
        }
        return views;
    }

    private static VrView vr(LibraryVideo video) {
        VrMode mode = video.vr();
        if (mode == null || !mode.isVr()) {
            return null;
        }
        String stereo =
                mode.stereo() == VrMode.Stereo.AUTO ? "mono" : mode.stereo().yamlName();
        return new VrView(mode.projection().yamlName(), stereo, SiteUrls.encodePath(SitePaths.vr(video.id())));
    }
}
