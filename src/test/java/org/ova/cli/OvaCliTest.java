package org.ova.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvaCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCode.OK, run.exitCode());
        for (String command : new String[] {"init", "build", "serve", "trim", "doctor", "help"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing from:\n" + run.out());
        }
        assertTrue(run.out().contains("2  usage or configuration error"), run.out());
        assertTrue(run.out().contains("Examples:"), run.out());
    }

    @Test
    void noArgumentsPrintsUsageAndExitsWithTwo() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertTrue(run.out().startsWith("ova "), run.out());
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().matches("ova \\S+\\n"), run.out());
    }

    @Test
    void helpOfOneCommandShowsItsSynopsisAndExamples() {
        CliRun run = CliRun.of("help", "build");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().startsWith("Usage: ova build [OPTIONS] [DIR]\n"), run.out());
        assertTrue(run.out().contains("ova build ~/Videos"), run.out());
        assertEquals(run.out(), CliRun.of("build", "--help").out());
    }

    @Test
    void unknownCommandSuggestsTheClosestAndExitsWithTwo() {
        CliRun run = CliRun.of("bild");
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertEquals("ova: unknown command 'bild'; did you mean 'build'?\nRun 'ova --help' for usage.\n", run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("build", "--frobnicate", dir.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("ova: Unrecognized option: --frobnicate\n"), run.err());
        assertTrue(run.err().endsWith("Run 'ova help build' for usage.\n"), run.err());
    }

    @Test
    void missingLibraryFolderIsAUsageError() {
        CliRun run = CliRun.of("build", dir.resolve("nope").toString());
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("ova: no such folder: "), run.err());
    }

    @Test
    void twoLibraryFoldersAreAUsageError() {
        CliRun run = CliRun.of("build", dir.toString(), dir.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIG_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("ova: expected at most one library folder, got 2"), run.err());
    }

    @Test
    void initWritesTheConfigOnceAndKeepsAPersonsEdits() throws IOException {
        assertEquals(ExitCode.OK, CliRun.of("init", dir.toString()).exitCode());
        Path config = dir.resolve(".ova-repo/config.yaml");
        assertTrue(Files.readString(config).contains("hwaccel: auto"));
        Files.writeString(config, "processing:\n  parallel: 3\n");
        CliRun again = CliRun.of("init", dir.toString());
        assertEquals(ExitCode.OK, again.exitCode());
        assertTrue(again.out().contains("Already an ova library"), again.out());
        assertEquals("processing:\n  parallel: 3\n", Files.readString(config));
    }
}
