package org.ova.repo.yaml;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link YamlLimitsTest}: reads one YAML file and prints the
 * processor time the rejection took (classes loaded beforehand; processor time, because on a
 * shared machine the wall clock mostly measures the other processes) and why. Exits 0 only when
 * the file was rejected with a {@link YamlProblem}.
 */
public final class YamlLimitProbe {

    private YamlLimitProbe() {}

    public static void main(String[] args) {
        YamlDocument.parse(Path.of("warm-up.yaml"), "title: x\n");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        try {
            YamlDocument.read(Path.of(args[0]));
            System.out.println("accepted");
            System.exit(1);
        } catch (YamlProblem problem) {
            System.out.println((threads.getCurrentThreadCpuTime() - start) / 1_000_000 + " ms");
            System.out.println(problem.getMessage());
        }
    }
}
