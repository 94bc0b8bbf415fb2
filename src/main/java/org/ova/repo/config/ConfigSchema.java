package org.ova.repo.config;

import static org.ova.repo.config.ConfigOption.of;
import static org.ova.repo.config.ValueKind.bool;
import static org.ova.repo.config.ValueKind.decimal;
import static org.ova.repo.config.ValueKind.wholeNumber;

import java.util.List;
import java.util.regex.Pattern;
import org.ova.repo.yaml.YamlMap;
import org.ova.repo.yaml.YamlProblemCollector;

/**
 * Every option of config.yaml in one place: key, default, allowed values and comment. Both the
 * reader ({@link ConfigFile#read}) and the defaults file ({@link ConfigFile#defaultText}) come from
 * these definitions, so the file {@code ova init} writes always reads back as the defaults.
 */
@SuppressWarnings("BadImport") // the schema reads as a table of of(...) rows
final class ConfigSchema {

    static final ConfigSection<LibraryOptions> LIBRARY = library();
    static final ConfigSection<FfmpegOptions> FFMPEG = ffmpeg();
    static final ConfigSection<ProcessingOptions> PROCESSING = processing();
    static final ConfigSection<SiteOptions> SITE = site();
    static final ConfigSection<ServerOptions> SERVER = server();

    /** The sections in the order the defaults file shows them. */
    static final List<ConfigSection<?>> SECTIONS = List.of(LIBRARY, FFMPEG, PROCESSING, SITE, SERVER);

    private ConfigSchema() {}

    /** The settings in {@code root}; every unknown key and wrong value is reported, all in one problem. */
    static OvaConfig decode(YamlMap root) {
        YamlProblemCollector problems = new YamlProblemCollector();
        problems.check(() -> root.rejectUnknownKeys(
                SECTIONS.stream().map(ConfigSection::name).toList()));
        OvaConfig config = new OvaConfig(
                LIBRARY.decode(root, problems),
                FFMPEG.decode(root, problems),
                PROCESSING.decode(root, problems),
                SITE.decode(root, problems),
                SERVER.decode(root, problems));
        problems.throwIfAny();
        return config;
    }

    static OvaConfig defaults() {
        return new OvaConfig(
                LIBRARY.defaults(), FFMPEG.defaults(), PROCESSING.defaults(), SITE.defaults(), SERVER.defaults());
    }

    private static ConfigSection<LibraryOptions> library() {
        var title = of("title", "My videos", ValueKind.text(), "the site's title");
        var extensions = of(
                "extensions",
                List.of(
                        "mp4", "m4v", "mkv", "webm", "mov", "avi", "wmv", "flv", "mpg", "mpeg", "ts", "m2ts", "3gp",
                        "ogv"),
                ValueKind.extensionList(),
                "file extensions that are videos, in any case");
        var exclude = of(
                "exclude",
                List.<String>of(),
                ValueKind.globList(),
                "glob patterns of paths to skip, relative to the library, like \"trash/**\" or \"**/*.part\"");
        var followSymlinks = of("followSymlinks", true, bool(), "follow symbolic links while scanning (each once)");
        return new ConfigSection<>(
                "library",
                "Which files are videos, and what the site is called.",
                List.of(title, extensions, exclude, followSymlinks),
                r -> new LibraryOptions(r.read(title), r.read(extensions), r.read(exclude), r.read(followSymlinks)));
    }

    private static ConfigSection<FfmpegOptions> ffmpeg() {
        var path =
                of("path", "", ValueKind.text(), "the ffmpeg binary; empty: look on PATH, then use the bundled build");
        var ffprobePath = of("ffprobePath", "", ValueKind.text(), "the ffprobe binary; empty: the same search");
        return new ConfigSection<>(
                "ffmpeg",
                "Where ffmpeg is.",
                List.of(path, ffprobePath),
                r -> new FfmpegOptions(r.read(path), r.read(ffprobePath)));
    }

    private static ConfigSection<ProcessingOptions> processing() {
        var batch = of(
                "batch",
                true,
                bool(),
                "process every pending video on `ova build`; false: only the videos named with --only");
        var parallel = of("parallel", 0, wholeNumber(0, 64), "videos processed at once; 0: half the CPU cores");
        var threads = of(
                "threads",
                0,
                wholeNumber(0, 64),
                "ffmpeg threads per video; 0: ffmpeg decides, or the cores are shared when videos run in parallel");
        var hwaccel = of(
                "hwaccel",
                HwAccel.AUTO,
                ValueKind.choice(HwAccel.class, HwAccel::yamlName),
                "hardware decoding; auto: CUDA when it decodes a test video faster than the CPU");
        var vtt = of("vtt", true, bool(), "make scrub thumbnails (sprite sheets + WebVTT) during batch builds");
        var spriteInterval = of(
                "spriteInterval",
                0.0,
                decimal(0, 3600),
                "seconds between scrub thumbnails; 0: every 10 s, closer on short videos");
        var spriteWidth = of("spriteWidth", 160, wholeNumber(40, 640), "width of one scrub thumbnail in pixels");
        var spriteColumns = of("spriteColumns", 10, wholeNumber(1, 20), "scrub thumbnails per sprite sheet row");
        var spriteRows = of("spriteRows", 10, wholeNumber(1, 20), "rows per sprite sheet");
        var thumbnailWidth =
                of("thumbnailWidth", 640, wholeNumber(64, 3840), "width of the poster thumbnail in pixels");
        var preview = of("preview", true, bool(), "make short preview clips that play on hover");
        var previewSegments =
                of("previewSegments", 10, wholeNumber(1, 30), "segments taken across the video for a preview");
        var previewSegmentSeconds = of("previewSegmentSeconds", 0.75, decimal(0.2, 5), "seconds per preview segment");
        var previewWidth = of("previewWidth", 320, wholeNumber(64, 1280), "width of the preview clip in pixels");
        var webProxy = of(
                "webProxy",
                WebProxyMode.AUTO,
                ValueKind.choice(WebProxyMode.class, WebProxyMode::yamlName),
                "browser-playable copies; auto: remux only, always: also re-encode what browsers cannot play");
        return new ConfigSection<>(
                "processing",
                "How `ova build` processes videos.",
                List.of(
                        batch,
                        parallel,
                        threads,
                        hwaccel,
                        vtt,
                        spriteInterval,
                        spriteWidth,
                        spriteColumns,
                        spriteRows,
                        thumbnailWidth,
                        preview,
                        previewSegments,
                        previewSegmentSeconds,
                        previewWidth,
                        webProxy),
                r -> new ProcessingOptions(
                        r.read(batch),
                        r.read(parallel),
                        r.read(threads),
                        r.read(hwaccel),
                        r.read(vtt),
                        r.read(spriteInterval),
                        r.read(spriteWidth),
                        r.read(spriteColumns),
                        r.read(spriteRows),
                        r.read(thumbnailWidth),
                        r.read(preview),
                        r.read(previewSegments),
                        r.read(previewSegmentSeconds),
                        r.read(previewWidth),
                        r.read(webProxy)));
    }

    private static ConfigSection<SiteOptions> site() {
        var output = of(
                "output", ".ova-repo/site", ValueKind.text(), "the site folder, relative to the library or absolute");
        var pageSize = of("pageSize", 60, wholeNumber(12, 500), "videos per library page");
        var theme = of(
                "theme",
                "default",
                ValueKind.word(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*"), "default"),
                "the site theme; the library's own templates override its files");
        var language = of(
                "language",
                "en",
                ValueKind.word(Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*"), "en or pt-BR"),
                "the site's language tag");
        return new ConfigSection<>(
                "site",
                "The generated website.",
                List.of(output, pageSize, theme, language),
                r -> new SiteOptions(r.read(output), r.read(pageSize), r.read(theme), r.read(language)));
    }

    private static ConfigSection<ServerOptions> server() {
        var host = of(
                "host",
                "127.0.0.1",
                ValueKind.text(),
                "address to listen on; 127.0.0.1 keeps the server to this machine");
        var port = of("port", 8080, wholeNumber(1, 65535), "port to listen on");
        var token =
                of("token", "", ValueKind.text(), "secret that writes must send when other hosts can reach the server");
        var trimApi = of("trimApi", true, bool(), "offer trimmed downloads");
        var maxTrimJobs = of("maxTrimJobs", 2, wholeNumber(1, 16), "trimmed downloads cut at once");
        var uploads = of("uploads", true, bool(), "accept uploads from the upload page");
        var maxUploadMb = of("maxUploadMb", 4096, wholeNumber(1, 1048576), "largest upload in MiB");
        var batchVtt = of("batchVtt", true, bool(), "allow batch VTT processing from the server and the upload page");
        var showVttButton =
                of("showVttButton", true, bool(), "show the CPU-heavy \"generate VTTs\" button on the upload page");
        return new ConfigSection<>(
                "server",
                "`ova serve`: edits, uploads and trimmed downloads.",
                List.of(host, port, token, trimApi, maxTrimJobs, uploads, maxUploadMb, batchVtt, showVttButton),
                r -> new ServerOptions(
                        r.read(host),
                        r.read(port),
                        r.read(token),
                        r.read(trimApi),
                        r.read(maxTrimJobs),
                        r.read(uploads),
                        r.read(maxUploadMb),
                        r.read(batchVtt),
                        r.read(showVttButton)));
    }
}
