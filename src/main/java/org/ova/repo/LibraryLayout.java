package org.ova.repo;

import java.nio.file.Path;

/**
 * Where everything ova keeps for one library lives. The library is any folder of videos;
 * ova's own files all sit in its {@code .ova-repo} folder so the videos themselves are never touched.
 *
 * @param root the library folder, absolute and normalized
 */
public record LibraryLayout(Path root) {

    /** Name of the folder inside a library that holds ova's files. */
    public static final String REPO_DIR = ".ova-repo";

    public LibraryLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path repoDir() {
        return root.resolve(REPO_DIR);
    }

    /** Every option, written out with defaults by {@code ova init}; owned by the person. */
    public Path configFile() {
        return repoDir().resolve("config.yaml");
    }

    /** Per-video metadata YAML, mirroring the library's folders; owned by the person. */
    public Path metadataDir() {
        return repoDir().resolve("metadata");
    }

    /**
     * The metadata file of the video at {@code relativePath} (forward slashes, relative to the root):
     * {@code trips/beach.mp4} has {@code .ova-repo/metadata/trips/beach.mp4.yaml}.
     */
    public Path metadataFile(String relativePath) {
        return metadataDir().resolve(relativePath + ".yaml");
    }

    /** Smart and manual playlists, one YAML file each; owned by the person. */
    public Path playlistsDir() {
        return repoDir().resolve("playlists");
    }

    /** Machine data (catalogue, probe results, processing state); owned by ova, safe to delete. */
    public Path machineDir() {
        return repoDir().resolve("machine");
    }

    /** The catalogue of known videos: identity, path, size, fingerprint. */
    public Path catalogFile() {
        return machineDir().resolve("catalog.json");
    }

    /** Parsed metadata files by path, size and time, so unchanged YAML is not parsed again. */
    public Path metadataCacheFile() {
        return machineDir().resolve("metadata-cache.json");
    }

    /** Probe results and which generated media are up to date, by video id. */
    public Path processingStateFile() {
        return machineDir().resolve("processing.json");
    }

    /** What the ffmpeg in use can do, keyed by the binary, so unchanged builds run no ffmpeg. */
    public Path ffmpegCapabilitiesFile() {
        return machineDir().resolve("ffmpeg-capabilities.json");
    }

    /** Generated media (thumbnails, sprites, WebVTT, previews) by video id. */
    public Path mediaDir() {
        return repoDir().resolve("media");
    }

    public Path mediaDir(String videoId) {
        return mediaDir().resolve(videoId);
    }

    /** Where processing steps write before their results are moved into place. */
    public Path stagingDir() {
        return repoDir().resolve("staging");
    }

    public Path logsDir() {
        return repoDir().resolve("logs");
    }

    public Path logFile() {
        return logsDir().resolve("ova.log");
    }

    /** The path of {@code file} relative to the root, with forward slashes on every platform. */
    public String relativize(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
