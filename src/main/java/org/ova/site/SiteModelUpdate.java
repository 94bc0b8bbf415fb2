package org.ova.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ova.repo.Library;
import org.ova.repo.LibraryVideo;

/**
 * The site model after edits of some videos' metadata, made from the model before them in time
 * proportional to what the edits touch rather than to the library: the edited videos' views, and the
 * lists they are in (each order, their tags, folder, playlists, related videos), with every record
 * that did not change kept as the same object. Gives what {@link SiteModelBuilder#build} would, and
 * applies only when that can be made this way: the videos, their order and folders, the set of tags
 * (whose slugs depend on all names), the config and playlists stay as they were, and no video becomes
 * or stops being a draft. Otherwise the model is built whole.
 */
final class SiteModelUpdate {

    private SiteModelUpdate() {}

    /**
     * The model of {@code after} at {@code now} with {@code links}, made from {@code model}, the model of
     * {@code before} with the same links; empty when the change is more than edits of metadata (see above).
     */
    static Optional<SiteModel> of(SiteModel model, Library before, Library after, Instant now, LibraryLinks links) {
        Optional<List<LibraryVideo>> edited = editedVisible(before, after);
        if (edited.isEmpty()) {
            return Optional.empty();
        }
        Map<String, VideoView> oldViews = new HashMap<>();
        for (LibraryVideo video : edited.get()) {
            oldViews.put(video.id(), null);
        }
        for (VideoView view : model.videos()) {
            if (oldViews.containsKey(view.id())) {
                oldViews.put(view.id(), view);
            }
        }
        Map<String, String> tagSlugs = new HashMap<>();
        model.tags().forEach(tag -> tagSlugs.put(tag.name(), tag.slug()));
        if (!edited.get().stream()
                .allMatch(
                        video -> tagSlugs.keySet().containsAll(video.metadata().tags()))) {
            return Optional.empty();
        }
        VideoViews views = views(model, after, links, tagSlugs);
        // by identity: thousands of look-ups of views that are mostly not there
        IdentityHashMap<VideoView, VideoView> changed = new IdentityHashMap<>();
        for (LibraryVideo video : edited.get()) {
            VideoView was = oldViews.get(video.id());
            changed.put(was, views.view(video, was.index()));
        }
        Optional<List<TagView>> tags = tags(model.tags(), changed);
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        List<VideoView> videos = replaced(model.videos(), changed);
        Map<SortOrder, List<VideoView>> sorted = new EnumMap<>(SortOrder.class);
        for (SortOrder order : SortOrder.values()) {
            sorted.put(
                    order,
                    order == SortOrder.ADDED ? videos : resorted(model.sorted().get(order), order, changed));
        }
        List<VideoView> topRated = sorted.get(SortOrder.RATING).stream()
                .filter(v -> v.rating() > 0)
                .toList();
        List<FolderView> folders = folders(model.folders(), changed);
        List<VideoView> rootVideos = replaced(model.rootVideos(), changed);
        Map<String, List<VideoView>> byTag = new HashMap<>();
        tags.get().forEach(tag -> byTag.put(tag.name(), tag.videos()));
        Map<String, List<VideoView>> byFolder = new HashMap<>();
        folders.forEach(folder -> byFolder.put(folder.path(), folder.videos()));
        byFolder.put("", rootVideos);
        return Optional.of(new SiteModel(
                model.info(),
                model.stats(),
                videos,
                sorted,
                topRated,
                tags.get(),
                folders,
                rootVideos,
                playlists(model.playlists(), after, videos, now),
                RelatedVideos.update(model.related(), videos, changed, byTag, byFolder),
                model.pageSize()));
    }

    /**
     * The visible videos whose metadata is all that changed from {@code before} to {@code after}; empty
     * when anything else changed.
     */
    private static Optional<List<LibraryVideo>> editedVisible(Library before, Library after) {
        if (!before.layout().equals(after.layout())
                || !before.config().equals(after.config())
                || !before.playlists().equals(after.playlists())
                || !before.duplicates().equals(after.duplicates())
                || before.videos().size() != after.videos().size()) {
            return Optional.empty();
        }
        List<LibraryVideo> edited = new ArrayList<>();
        for (int i = 0; i < before.videos().size(); i++) {
            LibraryVideo was = before.videos().get(i);
            LibraryVideo now = after.videos().get(i);
            if (was.equals(now)) {
                continue;
            }
            if (!was.withMetadata(now.metadata()).equals(now)
                    || was.metadata().draft() != now.metadata().draft()) {
                return Optional.empty();
            }
            if (!now.metadata().draft()) {
                edited.add(now);
            }
        }
        return Optional.of(edited);
    }

    /** Makes views as the model's build did: the same tags' and folders' slugs. */
    private static VideoViews views(
            SiteModel model, Library library, LibraryLinks links, Map<String, String> tagSlugs) {
        Map<String, String> folderSlugs = new HashMap<>();
        model.folders().forEach(folder -> folderSlugs.put(folder.path(), folder.slug()));
        return new VideoViews(links, library.layout().root(), tagSlugs, folderSlugs);
    }

    /** Each tag a changed video had or has, with its videos again; empty when a tag's last video leaves it. */
    private static Optional<List<TagView>> tags(List<TagView> tags, IdentityHashMap<VideoView, VideoView> changed) {
        Set<String> touched = new HashSet<>();
        changed.forEach((was, now) -> {
            was.tags().forEach(tag -> touched.add(tag.name()));
            now.tags().forEach(tag -> touched.add(tag.name()));
        });
        List<TagView> now = new ArrayList<>(tags.size());
        for (TagView tag : tags) {
            if (!touched.contains(tag.name())) {
                now.add(tag);
                continue;
            }
            List<VideoView> videos = new ArrayList<>();
            for (VideoView video : tag.videos()) {
                if (!changed.containsKey(video)) {
                    videos.add(video);
                }
            }
            for (VideoView video : changed.values()) {
                for (TagLink link : video.tags()) {
                    if (link.name().equals(tag.name())) {
                        videos.add(video);
                    }
                }
            }
            if (videos.isEmpty()) {
                return Optional.empty();
            }
            // stable: a tag named twice on one video lists it twice, side by side, as the build does
            videos.sort((a, b) -> Integer.compare(a.index(), b.index()));
            now.add(new TagView(tag.name(), tag.slug(), tag.url(), videos));
        }
        return Optional.of(List.copyOf(now));
    }

    /** The folders, each changed video's with its new view. */
    private static List<FolderView> folders(List<FolderView> folders, IdentityHashMap<VideoView, VideoView> changed) {
        Set<String> touched = new HashSet<>();
        changed.keySet().forEach(video -> touched.add(video.folder()));
        List<FolderView> now = new ArrayList<>(folders.size());
        for (FolderView folder : folders) {
            now.add(
                    touched.contains(folder.path())
                            ? new FolderView(
                                    folder.path(),
                                    folder.name(),
                                    folder.slug(),
                                    folder.url(),
                                    folder.depth(),
                                    replaced(folder.videos(), changed),
                                    folder.total(),
                                    folder.children())
                            : folder);
        }
        return List.copyOf(now);
    }

    /** The playlists evaluated again; each that shows the same as before kept as it was. */
    private static List<PlaylistView> playlists(
            List<PlaylistView> before, Library library, List<VideoView> videos, Instant now) {
        Map<String, VideoView> byId = new HashMap<>(videos.size() * 2);
        videos.forEach(video -> byId.put(video.id(), video));
        List<PlaylistView> playlists = SiteModelBuilder.playlists(library, library.videos(), byId, now);
        List<PlaylistView> kept = new ArrayList<>(playlists.size());
        for (int i = 0; i < playlists.size(); i++) {
            PlaylistView playlist = playlists.get(i);
            kept.add(i < before.size() && before.get(i).equals(playlist) ? before.get(i) : playlist);
        }
        return List.copyOf(kept);
    }

    /** {@code list} with each changed video's view replaced in place. */
    private static List<VideoView> replaced(List<VideoView> list, IdentityHashMap<VideoView, VideoView> changed) {
        List<VideoView> now = new ArrayList<>(list);
        now.replaceAll(video -> changed.getOrDefault(video, video));
        return Collections.unmodifiableList(now);
    }

    /** {@code list}, sorted by {@code order}, with each changed video taken out and put back in its new place. */
    private static List<VideoView> resorted(
            List<VideoView> list, SortOrder order, IdentityHashMap<VideoView, VideoView> changed) {
        List<VideoView> now = new ArrayList<>(list);
        for (VideoView was : changed.keySet()) {
            now.remove(Collections.binarySearch(now, was, order.order()));
        }
        for (VideoView video : changed.values()) {
            int at = Collections.binarySearch(now, video, order.order());
            now.add(at < 0 ? -at - 1 : at, video);
        }
        return Collections.unmodifiableList(now);
    }
}
