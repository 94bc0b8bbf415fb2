import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Makes a synthetic ova library for benchmarks: N tiny distinct "videos" (random bytes with a
 * video extension, spread over folders) and a hand-style metadata YAML for every one of them.
 * No media work happens on these files; they measure scanning, identity and metadata loading.
 *
 * Usage: java bench/GenerateLibrary.java DIR N
 */
public class GenerateLibrary {

    private static final String[] TAGS = {"family", "summer", "travel", "lecture", "music", "sport", "café",
            "archive", "vr", "kids", "friends", "holiday", "science", "nature", "city"};

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/GenerateLibrary.java DIR N");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Random random = new Random(42);
        byte[] content = new byte[2048];
        for (int i = 0; i < count; i++) {
            String folder = "folder-" + (i % 100) + "/sub-" + (i % 7);
            String name = "video " + i + (i % 10 == 0 ? "_360" : "") + ".mp4";
            Path file = root.resolve(folder).resolve(name);
            Files.createDirectories(file.getParent());
            random.nextBytes(content);
            Files.write(file, content);
            Path metadata = root.resolve(".ova-repo/metadata").resolve(folder).resolve(name + ".yaml");
            Files.createDirectories(metadata.getParent());
            Files.writeString(metadata, metadataYaml(i, random), StandardCharsets.UTF_8);
        }
        System.out.println("generated " + count + " videos with metadata in " + root);
    }

    private static String metadataYaml(int i, Random random) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Metadata for video ").append(i).append('\n');
        yaml.append("title: \"Video number ").append(i).append(" – a day out\"\n");
        yaml.append("description: |\n  Synthetic clip ").append(i).append(" for the benchmark.\n");
        yaml.append("tags: [").append(TAGS[i % TAGS.length]).append(", ").append(TAGS[(i * 7 + 3) % TAGS.length])
                .append("]\n");
        yaml.append("rating: ").append(random.nextInt(6)).append('\n');
        yaml.append("chapters:\n");
        for (int c = 0; c < 3; c++) {
            yaml.append("  - at: ").append(c * 60).append("\n    title: Part ").append(c + 1).append('\n');
        }
        yaml.append("markers:\n  - at: 1:30\n    label: Highlight\n    tags: [best]\n");
        return yaml.toString();
    }
}
