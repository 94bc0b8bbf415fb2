package org.ova.repo.metadata;

import java.util.List;
import org.ova.repo.yaml.YamlQuoting;

/**
 * The text of a new metadata file: the title written out and every other key shown as a
 * commented-out example, so a person opening the file sees what is possible. Chapters imported from
 * the video itself are written as real entries. Reading the text back gives exactly
 * {@code VideoMetadata.defaults(title)} with those chapters (times rounded to the millisecond).
 */
public final class MetadataTemplate {

    private MetadataTemplate() {}

    /**
     * The metadata YAML ova writes for a new video, with every key commented.
     *
     * @param relativePath the video's path, named in the header comment
     * @param title        the title to write (usually {@link TitleFromFileName})
     * @param chapters     chapters found in the video file, possibly none
     */
    public static String render(String relativePath, String title, List<Chapter> chapters) {
        StringBuilder out = new StringBuilder(900);
        out.append("# Metadata for ")
                .append(oneLine(relativePath))
                .append(
                        " — edit freely; the Edit button of ova serve changes only the values it shows, comments stay.\n")
                .append("# Every key is optional. Remove the '# ' in front of a line to use it.\n")
                .append("title: ")
                .append(YamlQuoting.scalar(title))
                .append('\n')
                .append("# description: |\n")
                .append("#   Free text, as many lines as you like.\n")
                .append("# tags: [summer, family]   # or one tag per line: '- summer'\n")
                .append("# rating: 4                # 0 (unrated) to 5\n")
                .append("# draft: true              # drafts stay out of the site\n")
                .append("# vr:                      # override what ova detects\n")
                .append("#   projection: auto       # auto | flat | 360 | 180\n")
                .append("#   stereo: auto           # auto | mono | sbs | tb\n");
        if (chapters.isEmpty()) {
            out.append("# chapters:                # times: seconds (42), m:ss or h:mm:ss, optional .fraction\n")
                    .append("#   - at: 0:00\n")
                    .append("#     title: Arrival\n");
        } else {
            out.append("chapters:                  # imported from the video file\n");
            for (Chapter chapter : chapters) {
                out.append("  - at: ")
                        .append(TimeCode.format(chapter.start()))
                        .append('\n')
                        .append("    title: ")
                        .append(YamlQuoting.scalar(chapter.title()))
                        .append('\n');
            }
        }
        return out.append("# markers:\n")
                .append("#   - at: 1:05.5\n")
                .append("#     label: Big wave\n")
                .append("#     tags: [funny]\n")
                .toString();
    }

    // a path is shown in a comment, which must stay on one line
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ");
    }
}
