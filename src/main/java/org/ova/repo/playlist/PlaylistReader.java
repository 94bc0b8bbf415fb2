package org.ova.repo.playlist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.yaml.YamlDocument;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlNode;
import org.ova.repo.yaml.YamlProblem;

/**
 * Reads one playlist file. A file with {@code rules:} is a smart playlist, one with {@code videos:}
 * a manual list; every mistake is a {@link YamlProblem} at its line and column.
 */
public final class PlaylistReader {

    /** The file name ending of playlist files; the rest of the name is the playlist's id. */
    public static final String SUFFIX = ".yaml";

    public static final int MAX_LIMIT = 100_000;

    private static final List<String> KEYS = List.of("title", "description", "rules", "videos", "sort", "limit");
    private static final List<String> SMART_ONLY = List.of("sort", "limit");

    private PlaylistReader() {}

    /** Reads {@code file}; its name without {@value #SUFFIX} is the id. */
    public static Playlist read(Path file) {
        return from(file, YamlDocument.read(file));
    }

    /** Reads {@code text} as the contents of {@code file}. */
    public static Playlist parse(Path file, String text) {
        return from(file, YamlDocument.parse(file, text));
    }

    private static Playlist from(Path file, YamlNode root) {
        String fileName = file.getFileName().toString();
        String id = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        YamlMap map = root.asMap().rejectUnknownKeys(KEYS);
        String title = map.get("title")
                .map(YamlNode::asString)
                .filter(t -> !t.isBlank())
                .orElse(TitleFromFileName.of(id + SUFFIX));
        String description =
                map.get("description").map(n -> n.asString().strip()).orElse("");
        boolean smart = map.has("rules");
        if (smart && map.has("videos")) {
            throw secondOf(map, "rules", "videos")
                    .problem("a playlist has either 'rules' (smart) or 'videos' (manual), not both; remove one");
        }
        if (smart) {
            return new SmartPlaylist(
                    id,
                    title,
                    description,
                    map.get("rules").map(RulesReader::read).orElse(PlaylistRules.EVERYTHING),
                    map.get("sort").map(PlaylistReader::sort).orElse(PlaylistSort.DEFAULT),
                    map.get("limit")
                            .map(n -> OptionalInt.of(n.asInt(1, MAX_LIMIT)))
                            .orElse(OptionalInt.empty()));
        }
        if (!map.has("videos")) {
            throw map.node().problem("a playlist needs 'rules:' (a smart playlist) or 'videos:' (a manual list)");
        }
        for (String key : SMART_ONLY) {
            if (map.has(key)) {
                throw map.keyNode(key)
                        .problem("'" + key + "' only applies to smart playlists (with 'rules'); "
                                + "a manual list keeps the order of its 'videos'");
            }
        }
        return new ManualPlaylist(id, title, description, videos(map.get("videos")));
    }

    private static List<String> videos(Optional<YamlNode> node) {
        List<String> paths = new ArrayList<>();
        for (YamlNode item : node.map(YamlNode::asList).orElse(List.of())) {
            String path = item.asString().strip();
            if (path.isEmpty()) {
                throw item.problem("empty video path; write the path relative to the library, e.g. trips/beach.mp4");
            }
            paths.add(path);
        }
        return paths;
    }

    private static PlaylistSort sort(YamlNode node) {
        String text = node.isScalar() ? node.asString().strip() : "";
        boolean descending = text.startsWith("-");
        String word = descending ? text.substring(1).strip() : text;
        for (PlaylistSort.Key key : PlaylistSort.Key.values()) {
            if (key.yamlName().equals(word)) {
                if (descending && key == PlaylistSort.Key.RANDOM) {
                    throw node.problem("random has no direction; write sort: random");
                }
                return new PlaylistSort(key, descending);
            }
        }
        throw node.problem("'" + text + "' is not a sort order; use one of: added, title, duration, rating, path, "
                + "random, with '-' in front for descending (e.g. -rating)");
    }

    private static YamlNode secondOf(YamlMap map, String a, String b) {
        YamlNode first = map.keyNode(a);
        YamlNode second = map.keyNode(b);
        return first.line() > second.line() || (first.line() == second.line() && first.column() > second.column())
                ? first
                : second;
    }
}
