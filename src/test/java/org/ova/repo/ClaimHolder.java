package org.ova.repo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A second process for the claim tests: claims one video of a library, says so, and on the line
 * {@code made} or {@code failed} ends its claim so, on any other line (or the end of its input) lets it
 * go, then ends.
 */
public final class ClaimHolder {

    private final Process process;

    private ClaimHolder(Process process) {
        this.process = process;
    }

    public static void main(String[] args) throws IOException {
        VideoClaims.Claim claim = VideoClaims.of(new LibraryLayout(Path.of(args[0])))
                .tryClaim(args[1], true)
                .orElseThrow(() -> new IllegalStateException("not claimed"));
        System.out.println("claimed");
        System.out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if ("made".equals(line)) {
            claim.made();
        } else if ("failed".equals(line)) {
            claim.failed();
        }
        claim.close();
    }

    /** Starts a process that claims video {@code id} of {@code library}, once it has. */
    public static ClaimHolder start(Path library, String id) throws IOException {
        return new ClaimHolder(SecondProcess.start(ClaimHolder.class, "claimed", List.of(library.toString(), id)));
    }

    /** Ends the claim as {@code how} says ({@code made}, {@code failed}, else let go) and waits for the process to end. */
    public void end(String how) throws IOException, InterruptedException {
        try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write(how + "\n");
        }
        process.waitFor();
    }

    /** Ends the process as {@code kill -9} does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
