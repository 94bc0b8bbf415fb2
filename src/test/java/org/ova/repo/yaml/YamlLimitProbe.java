package org.ova.repo.yaml;

import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link YamlLimitsTest}: reads one YAML file and prints how
 * long the rejection took (classes loaded beforehand) and why. Exits 0 only when the file was rejected with a {@link YamlProblem}.
 */
public final class YamlLimitProbe {

    private YamlLimitProbe() {
    }

    public static void main(String[] args) {
        // load the parser's classes first, so the time measured is the rejection's own
        YamlDocument.parse(Path.of("warm-up.yaml"), "title: x\n");
        long start = System.nanoTime();
        try {
            YamlDocument.read(Path.of(args[0]));
            System.out.println("accepted");
            System.exit(1);
        } catch (YamlProblem problem) {
            System.out.println((System.nanoTime() - start) / 1_000_000 + " ms");
            System.out.println(problem.getMessage());
        }
    }
}
