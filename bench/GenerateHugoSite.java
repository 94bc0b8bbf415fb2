import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Writes the content of the Hugo site that bench/ssg-compare.sh builds next to ova's render: one
 * page per video under content/videos/ with the same data as the library of
 * src/test/java/org/ova/bench/SiteBench.java (same ids, titles, 30-word descriptions, two tags from
 * the same word list, rating, duration, date, folder, chapters, a marker), and each video's sprite
 * WebVTT as a real file under media/ID/sprites.vtt, since the video page inlines it as ova's does.
 * The layouts and section pages come from bench/hugo/.
 *
 * Usage: java bench/GenerateHugoSite.java SITE_DIR N
 */
public class GenerateHugoSite {

    /** SiteBench's word list, drawn from in the same order with the same seed. */
    private static final String[] WORDS = ("family holiday beach mountain lecture physics morning evening "
            + "birthday party garden grandma kids school concert piano guitar football river lake forest snow "
            + "winter summer trip city museum train camping sunset café").split(" ");

    private static final String VTT = "WEBVTT\n\n"
            + "00:00:00.000 --> 00:00:10.000\nsprite-0.jpg#xywh=0,0,160,90\n\n".repeat(30);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/GenerateHugoSite.java SITE_DIR N");
            System.exit(2);
        }
        Path site = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path content = site.resolve("content/videos");
        Files.createDirectories(content);
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            String id = String.format("%016x", i * 7919L + 11);
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            StringBuilder description = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                description.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            // a Hugo taxonomy lists a term once per page, so a video whose two tags coincide gets one
            Set<String> tags = new LinkedHashSet<>();
            tags.add(WORDS[i % WORDS.length]);
            tags.add(WORDS[(i * 7) % WORDS.length]);
            String folder = "folder-" + i % 100 + "/sub-" + i % 7;
            String page = "---\n"
                    + "title: \"" + title + "\"\n"
                    + "id: \"" + id + "\"\n"
                    + "description: \"" + description.toString().strip() + "\"\n"
                    + "tags: [" + String.join(", ", tags.stream().map(t -> "\"" + t + "\"").toList()) + "]\n"
                    + "folders: [\"" + folder.replace('/', '-') + "\"]\n"
                    + "file: \"" + folder + "/video " + i + ".mp4\"\n"
                    + "rating: " + i % 6 + "\n"
                    + "duration: " + (120 + i % 600) + "\n"
                    + "date: " + Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 3600L) + "\n"
                    + "size: " + (50_000_000L + i) + "\n"
                    + "width: 1920\nheight: 1080\ncodec: h264\n"
                    + "chapters: [{start: 0, title: Start}, {start: 60, title: Middle}]\n"
                    + "markers: [{at: 30, label: Moment}]\n"
                    + "---\n";
            Files.writeString(content.resolve(id + ".md"), page, StandardCharsets.UTF_8);
            Path vtt = site.resolve("media").resolve(id).resolve("sprites.vtt");
            Files.createDirectories(vtt.getParent());
            Files.writeString(vtt, VTT, StandardCharsets.UTF_8);
        }
        System.out.println("generated " + count + " video pages in " + content);
    }
}
