package org.ova.repo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ova.repo.yaml.YamlProblem;

class ConfigFileTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private String problem(String yaml) throws IOException {
        Path file = write(yaml);
        YamlProblem problem = assertThrows(YamlProblem.class, () -> ConfigFile.read(file));
        return problem.getMessage().substring(file.toString().length());
    }

    @Test
    void defaultTextReadsBackAsExactlyTheDefaults() throws IOException {
        assertEquals(OvaConfig.defaults(), ConfigFile.read(write(ConfigFile.defaultText())));
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        OvaConfig expected = new OvaConfig(
                new LibraryOptions(
                        "My videos",
                        List.of(
                                "mp4", "m4v", "mkv", "webm", "mov", "avi", "wmv", "flv", "mpg", "mpeg", "ts", "m2ts",
                                "3gp", "ogv"),
                        List.of(),
                        true),
                new FfmpegOptions("", ""),
                new ProcessingOptions(
                        true, 0, 0, HwAccel.AUTO, true, 0, 160, 10, 10, 640, true, 10, 0.75, 320, WebProxyMode.AUTO),
                new SiteOptions(".ova-repo/site", 60, "default", "en"),
                new ServerOptions("127.0.0.1", 8080, "", true, 2, true, 4096, true, true));
        assertEquals(expected, OvaConfig.defaults());
    }

    @Test
    void defaultTextShowsEveryOptionWithItsDefaultUnderAOneLineComment() {
        List<String> lines = ConfigFile.defaultText().lines().toList();
        for (ConfigSection<?> section : ConfigSchema.SECTIONS) {
            int sectionLine = lines.indexOf(section.name() + ":");
            assertTrue(sectionLine > 0, section.name());
            assertEquals("# " + section.comment(), lines.get(sectionLine - 1));
            for (ConfigOption<?> option : section.options()) {
                int line = lines.indexOf("  " + option.key() + ": " + option.yamlDefault());
                assertTrue(line > sectionLine, section.name() + "." + option.key());
                assertTrue(lines.get(line - 1).startsWith("  # " + option.comment()), option.key());
            }
        }
    }

    @Test
    void defaultTextStartsWithAHeaderPointingAtDoctorAndShowsRangesAndChoices() {
        String text = ConfigFile.defaultText();
        assertTrue(text.startsWith("""
                # ova library configuration (.ova-repo/config.yaml).
                #
                # Every option is listed below with its default value. Change what you need; a key you
                # delete or leave empty goes back to its default. Allowed values or ranges are shown in
                # [brackets]. Run `ova doctor` to check this file.

                # Which files are videos, and what the site is called.
                library:
                  # the site's title
                  title: "My videos"
                  # file extensions that are videos, in any case
                  extensions: [mp4, m4v, mkv, webm, mov, avi, wmv, flv, mpg, mpeg, ts, m2ts, 3gp, ogv]
                """), text);
        assertTrue(text.contains("""
                  # hardware decoding; auto: CUDA when it decodes a test video faster than the CPU [auto, cuda, none]
                  hwaccel: auto
                """), text);
        assertTrue(text.contains("""
                  # seconds per preview segment [0.2 to 5]
                  previewSegmentSeconds: 0.75
                """), text);
    }

    @Test
    void missingFileGivesDefaults() {
        assertEquals(OvaConfig.defaults(), ConfigFile.read(dir.resolve("absent.yaml")));
    }

    @Test
    void emptyOrCommentOnlyFileGivesDefaults() throws IOException {
        assertEquals(OvaConfig.defaults(), ConfigFile.read(write("")));
        assertEquals(OvaConfig.defaults(), ConfigFile.read(write("# nothing yet\n")));
    }

    @Test
    void emptySectionsAndEmptyValuesTakeDefaults() throws IOException {
        assertEquals(OvaConfig.defaults(), ConfigFile.read(write("""
                library:
                  title:
                  extensions:
                processing:
                server:
                  port:
                """)));
    }

    @Test
    void partialFileKeepsDefaultsForTheRest() throws IOException {
        OvaConfig config = ConfigFile.read(write("""
                processing:
                  parallel: 3
                server:
                  port: 9000
                """));
        OvaConfig defaults = OvaConfig.defaults();
        assertEquals(3, config.processing().parallel());
        assertEquals(defaults.processing().spriteWidth(), config.processing().spriteWidth());
        assertEquals(9000, config.server().port());
        assertEquals(defaults.server().host(), config.server().host());
        assertEquals(defaults.library(), config.library());
        assertEquals(defaults.ffmpeg(), config.ffmpeg());
        assertEquals(defaults.site(), config.site());
    }

    @Test
    void everyKindOfValueIsRead() throws IOException {
        OvaConfig config = ConfigFile.read(write("""
                library:
                  title: Family "archive"
                  extensions: [MP4, .mkv, mp4]
                  exclude: ["trash/**", "**/*.part"]
                  followSymlinks: no
                ffmpeg:
                  path: /opt/ffmpeg/bin/ffmpeg
                  ffprobePath: '/opt/ffmpeg/bin/ffprobe'
                processing:
                  batch: false
                  parallel: 4
                  threads: 2
                  hwaccel: CUDA
                  vtt: off
                  spriteInterval: 2.5
                  spriteWidth: 200
                  spriteColumns: 8
                  spriteRows: 6
                  thumbnailWidth: 1_280
                  preview: false
                  previewSegments: 12
                  previewSegmentSeconds: 1
                  previewWidth: 480
                  webProxy: always
                site:
                  output: /srv/www/videos
                  pageSize: 120
                  theme: dark-mode
                  language: pt-BR
                server:
                  host: 0.0.0.0
                  port: 8443
                  token: s3cret
                  trimApi: false
                  maxTrimJobs: 4
                  uploads: false
                  maxUploadMb: 100
                  batchVtt: false
                  showVttButton: false
                """));
        OvaConfig expected = new OvaConfig(
                new LibraryOptions(
                        "Family \"archive\"", List.of("mp4", "mkv"), List.of("trash/**", "**/*.part"), false),
                new FfmpegOptions("/opt/ffmpeg/bin/ffmpeg", "/opt/ffmpeg/bin/ffprobe"),
                new ProcessingOptions(
                        false,
                        4,
                        2,
                        HwAccel.CUDA,
                        false,
                        2.5,
                        200,
                        8,
                        6,
                        1280,
                        false,
                        12,
                        1.0,
                        480,
                        WebProxyMode.ALWAYS),
                new SiteOptions("/srv/www/videos", 120, "dark-mode", "pt-BR"),
                new ServerOptions("0.0.0.0", 8443, "s3cret", false, 4, false, 100, false, false));
        assertEquals(expected, config);
    }

    @Test
    void singleExtensionWithoutBracketsIsAListOfOne() throws IOException {
        OvaConfig config = ConfigFile.read(write("library:\n  extensions: webm\n"));
        assertEquals(List.of("webm"), config.library().extensions());
    }

    @Test
    void unknownTopLevelKeyIsReportedWhereWrittenWithAHint() throws IOException {
        assertEquals(
                ":3:1: unknown key 'proccessing'; did you mean 'processing'? "
                        + "(allowed: library, ffmpeg, processing, site, server)",
                problem("""
                library:
                  title: x
                proccessing:
                  parallel: 2
                """));
    }

    @Test
    void unknownNestedKeyIsReportedWhereWrittenWithAHint() throws IOException {
        assertEquals(
                ":4:3: unknown key 'spriteWidht'; did you mean 'spriteWidth'? (allowed: batch, parallel, "
                        + "threads, hwaccel, vtt, spriteInterval, spriteWidth, spriteColumns, spriteRows, thumbnailWidth, "
                        + "preview, previewSegments, previewSegmentSeconds, previewWidth, webProxy)",
                problem("""
                # comment
                processing:
                  parallel: 2
                  spriteWidht: 200
                """));
    }

    @Test
    void unknownKeyGetsAHintOnlyWhenAnAllowedKeyIsClose() throws IOException {
        assertEquals(
                ":2:3: unknown key 'colour' (allowed: host, port, token, trimApi, "
                        + "maxTrimJobs, uploads, maxUploadMb, batchVtt, showVttButton)",
                problem("server:\n  colour: red\n"));
        assertEquals(
                ":2:3: unknown key 'fprobePath'; did you mean 'ffprobePath'? (allowed: path, ffprobePath)",
                problem("ffmpeg:\n  fprobePath: /usr/bin/ffprobe\n"));
    }

    @Test
    void badChoiceListsTheAllowedValues() throws IOException {
        assertEquals(":7:12: 'gpu' is not allowed here; use one of: auto, cuda, none", problem("""
                library:
                  title: Home
                processing:
                  batch: true
                  parallel: 2
                  threads: 0
                  hwaccel: gpu
                """));
        assertEquals(
                ":2:13: 'sometimes' is not allowed here; use one of: never, auto, always",
                problem("processing:\n  webProxy: sometimes\n"));
    }

    @Test
    void numberOutOfRangeNamesTheRange() throws IOException {
        assertEquals(":2:9: expected a number from 1 to 65535, found 70000", problem("server:\n  port: 70000\n"));
        assertEquals(
                ":2:26: expected a number from 0.2 to 5, found 0.1",
                problem("processing:\n  previewSegmentSeconds: 0.1\n"));
    }

    @Test
    void listWhereANumberIsExpectedIsRejected() throws IOException {
        assertEquals(":2:13: expected a whole number, found a list", problem("processing:\n  parallel: [1, 2]\n"));
    }

    @Test
    void textWhereABooleanOrNumberIsExpectedIsRejected() throws IOException {
        assertEquals(":2:12: expected true or false, found 'maybe'", problem("server:\n  trimApi: maybe\n"));
        assertEquals(":2:13: expected a whole number, found 'many'", problem("processing:\n  parallel: many\n"));
    }

    @Test
    void sectionThatIsNotAMappingIsRejected() throws IOException {
        assertEquals(":1:9: expected a mapping of keys to values, found '5'", problem("server: 5\n"));
        assertEquals(":1:1: expected a mapping of keys to values, found a list", problem("- library\n"));
    }

    @Test
    void badExtensionsAndGlobsAreReportedAtTheItem() throws IOException {
        assertEquals(
                ":2:21: 'mp4/x' is not a file extension; write it like mp4 or .mp4",
                problem("library:\n  extensions: [mkv, \"mp4/x\"]\n"));
        assertEquals(
                ":2:15: list at least one video file extension, like [mp4, mkv]",
                problem("library:\n  extensions: []\n"));
        assertEquals(
                ":2:13: '/abs/**' starts with /; write patterns relative to the library folder",
                problem("library:\n  exclude: [\"/abs/**\"]\n"));
        assertEquals(
                ":3:7: the glob 'a/{b' opens a '{' it never closes", problem("library:\n  exclude:\n    - \"a/{b\"\n"));
    }

    @Test
    void blankTextMeansTheDefaultAsTheFileHeaderSays() throws IOException {
        OvaConfig config = ConfigFile.read(write("""
                library:
                  title: "  "
                site:
                  output: ""
                  language: ''
                server:
                  host:
                  port: ""
                """));
        assertEquals(OvaConfig.defaults(), config);
        assertEquals(".ova-repo/site", config.site().output());
    }

    @Test
    void badWordsAreRejected() throws IOException {
        assertEquals(
                ":2:13: 'english please' is not allowed here; write one word like en or pt-BR",
                problem("site:\n  language: english please\n"));
    }

    @Test
    void everyWrongValueAndUnknownKeyIsReportedAtOnceInFileOrder() throws IOException {
        Path file = write("""
                libary:
                  title: x
                processing:
                  hwaccel: gpu
                  paralel: 2
                site:
                  pageSize: 5
                server:
                  port: 0
                """);
        YamlProblem problem = assertThrows(YamlProblem.class, () -> ConfigFile.read(file));
        assertEquals(
                List.of("1:1", "4:12", "5:3", "7:13", "9:9"),
                problem.each().stream().map(p -> p.line() + ":" + p.column()).toList());
        assertEquals(
                List.of(
                        "unknown key 'libary'; did you mean 'library'? (allowed: library, ffmpeg, processing,"
                                + " site, server)",
                        "'gpu' is not allowed here; use one of: auto, cuda, none"),
                problem.each().subList(0, 2).stream().map(YamlProblem::reason).toList());
        assertEquals(5, problem.getMessage().lines().count());
        assertTrue(problem.getMessage().lines().allMatch(line -> line.startsWith(file + ":")), problem.getMessage());
    }

    @Test
    void theYamlLimitsApplyToTheConfigFileToo() throws IOException {
        assertEquals(
                ":2:10: this value has 70000 characters, more than the limit of 64 KB per value: shorten it",
                problem("library:\n  title: |\n" + ("    " + "t".repeat(69) + "\n").repeat(1000)));
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() throws IOException {
        assertEquals(":3:7: invalid YAML: mapping values are not allowed here", problem("""
                library:
                  title: x
                   bad: 1
                """));
        assertEquals(
                ":2:10: invalid YAML: the quote opened here is never closed (the file ends first);"
                        + " add the closing quote",
                problem("""
                library:
                  title: "unclosed
                processing:
                  parallel: 2
                """));
    }

    @Test
    void writeDefaultsIfMissingCreatesTheFileAndItsFolders() {
        Path file = dir.resolve("lib/.ova-repo/config.yaml");
        assertTrue(ConfigFile.writeDefaultsIfMissing(file));
        assertEquals(ConfigFile.defaultText(), readString(file));
        assertEquals(OvaConfig.defaults(), ConfigFile.read(file));
    }

    @Test
    void writeDefaultsIfMissingNeverOverwritesAPersonsFile() throws IOException {
        Path file = write("server:\n  port: 9000\n");
        assertFalse(ConfigFile.writeDefaultsIfMissing(file));
        assertEquals("server:\n  port: 9000\n", readString(file));
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertFalse(ConfigFile.writeDefaultsIfMissing(empty));
        assertEquals("", readString(empty));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
