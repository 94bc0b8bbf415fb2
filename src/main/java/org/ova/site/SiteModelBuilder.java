package org.ova.site;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;
import org.ova.repo.playlist.Playlist;
import org.ova.repo.playlist.PlaylistEvaluator;
import org.ova.repo.playlist.PlaylistSort;
import org.ova.repo.playlist.SmartPlaylist;

/**
 * Builds the {@link SiteModel} from a loaded library. Pure: the same library, time and links give
 * the same model. Drafts are left out everywhere.
 */
public final class SiteModelBuilder {

    private static final Comparator<String> NAME_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private SiteModelBuilder() {}

    public static SiteModel build(Library library, Instant now, LibraryLinks links) {
        // sorting 10,000 videos takes tens of milliseconds of one core: every sort here runs on all cores
        List<LibraryVideo> visible = library.videos().parallelStream()
                .filter(video -> !video.metadata().draft())
                .sorted(Comparator.comparing(LibraryVideo::added).reversed().thenComparing(LibraryVideo::path))
                .toList();

        TreeSet<String> tagNames = new TreeSet<>(NAME_ORDER);
        TreeSet<String> folderPaths = new TreeSet<>();
        for (LibraryVideo video : visible) {
            tagNames.addAll(video.metadata().tags());
            for (String folder = video.folder(); !folder.isEmpty(); folder = parent(folder)) {
                folderPaths.add(folder);
            }
        }
        Map<String, String> tagSlugs = Slugs.assign(List.copyOf(tagNames), "tag");
        Map<String, String> folderSlugs = Slugs.assign(List.copyOf(folderPaths), "folder");

        VideoViews views = new VideoViews(links, library.layout().root(), tagSlugs, folderSlugs);
        List<VideoView> videos = IntStream.range(0, visible.size())
                .parallel()
                .mapToObj(index -> views.view(visible.get(index), index))
                .toList();
        Map<String, VideoView> byId = new HashMap<>();
        double total = 0;
        for (VideoView view : videos) {
            byId.put(view.id(), view);
            total += view.duration();
        }

        Map<SortOrder, List<VideoView>> sorted = new EnumMap<>(SortOrder.class);
        for (SortOrder order : SortOrder.values()) {
            sorted.put(
                    order,
                    order == SortOrder.ADDED
                            ? List.copyOf(videos)
                            : videos.parallelStream().sorted(order.order()).toList());
        }
        List<VideoView> topRated = sorted.get(SortOrder.RATING).stream()
                .filter(v -> v.rating() > 0)
                .toList();
        List<TagView> tags = tags(videos, tagSlugs);
        List<FolderView> folders = folders(videos, folderPaths, folderSlugs);
        List<VideoView> rootVideos =
                videos.stream().filter(v -> v.folder().isEmpty()).toList();
        List<PlaylistView> playlists = playlists(library, visible, byId, now);
        SiteInfo info = new SiteInfo(
                library.config().library().title(), library.config().site().language(), sitePath(library));
        LibraryStats stats = new LibraryStats(
                videos.size(), Formats.totalDuration(total), tags.size(), folders.size(), playlists.size());
        return new SiteModel(
                info,
                stats,
                List.copyOf(videos),
                sorted,
                topRated,
                tags,
                folders,
                rootVideos,
                playlists,
                RelatedVideos.of(videos),
                Math.max(1, library.config().site().pageSize()));
    }

    private static List<TagView> tags(List<VideoView> videos, Map<String, String> slugs) {
        Map<String, List<VideoView>> byTag = new TreeMap<>(NAME_ORDER);
        for (VideoView video : videos) {
            for (TagLink tag : video.tags()) {
                byTag.computeIfAbsent(tag.name(), k -> new ArrayList<>()).add(video);
            }
        }
        List<TagView> tags = new ArrayList<>();
        byTag.forEach((name, list) -> tags.add(
                new TagView(name, slugs.get(name), SiteUrls.encodePath(SitePaths.tag(slugs.get(name), 1)), list)));
        return List.copyOf(tags);
    }

    private static List<FolderView> folders(
            List<VideoView> videos, SortedSet<String> paths, Map<String, String> slugs) {
        Map<String, List<VideoView>> direct = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        for (VideoView video : videos) {
            direct.computeIfAbsent(video.folder(), k -> new ArrayList<>()).add(video);
            for (String folder = video.folder(); !folder.isEmpty(); folder = parent(folder)) {
                totals.merge(folder, 1, Integer::sum);
            }
        }
        Map<String, List<FolderView.FolderLink>> children = new TreeMap<>();
        for (String path : paths) {
            children.computeIfAbsent(parent(path), k -> new ArrayList<>())
                    .add(new FolderView.FolderLink(name(path), url(slugs.get(path)), totals.get(path)));
        }
        List<FolderView> folders = new ArrayList<>();
        for (String path : treeOrder(paths)) {
            folders.add(new FolderView(
                    path,
                    name(path),
                    slugs.get(path),
                    url(slugs.get(path)),
                    (int) path.chars().filter(c -> c == '/').count(),
                    direct.getOrDefault(path, List.of()),
                    totals.get(path),
                    children.getOrDefault(path, List.of())));
        }
        return List.copyOf(folders);
    }

    /** Parents before children, siblings by name: the order of an indented tree. */
    private static List<String> treeOrder(SortedSet<String> paths) {
        List<String> ordered = new ArrayList<>(paths);
        ordered.sort(Comparator.comparing((String path) -> path.replace('/', '\0')));
        return ordered;
    }

    /** Each playlist evaluated among {@code visible} (drafts there are left out), with the views of {@code byId}. */
    static List<PlaylistView> playlists(
            Library library, List<LibraryVideo> visible, Map<String, VideoView> byId, Instant now) {
        List<PlaylistView> playlists = new ArrayList<>();
        for (Playlist playlist : library.playlists()) {
            // a fixed seed per playlist keeps random playlists' pages unchanged between builds;
            // the browser shuffles them again anyway
            List<LibraryVideo> picked = PlaylistEvaluator.evaluate(
                    playlist, visible, now, playlist.id().hashCode());
            List<VideoView> videos = picked.stream().map(v -> byId.get(v.id())).toList();
            boolean smart = playlist instanceof SmartPlaylist;
            boolean random = playlist instanceof SmartPlaylist s && s.sort().key() == PlaylistSort.Key.RANDOM;
            double total = videos.stream().mapToDouble(VideoView::duration).sum();
            playlists.add(new PlaylistView(
                    playlist.id(),
                    playlist.title(),
                    playlist.description(),
                    smart,
                    random,
                    SiteUrls.encodePath(SitePaths.playlist(playlist.id())),
                    videos,
                    Formats.totalDuration(total)));
        }
        return List.copyOf(playlists);
    }

    /** The site folder's path inside the library, ending in a slash (empty for the root); null when outside. */
    private static String sitePath(Library library) {
        Path root = library.layout().root();
        Path site = library.config().site().outputDir(library.layout());
        if (!site.startsWith(root)) {
            return null;
        }
        String relative = library.layout().relativize(site);
        return relative.isEmpty() ? "" : relative + "/";
    }

    private static String url(String slug) {
        return SiteUrls.encodePath(SitePaths.folder(slug, 1));
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
