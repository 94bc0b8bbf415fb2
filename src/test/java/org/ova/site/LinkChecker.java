package org.ova.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds every relative link of a rendered site that does not lead to an existing file. */
public final class LinkChecker {

    private static final String[][] ATTRIBUTES = {
        {"a", "href"},
        {"link", "href"},
        {"script", "src"},
        {"img", "src"},
        {"source", "src"},
        {"video", "src"},
        {"video", "poster"},
        {"form", "action"},
        {"[data-preview]", "data-preview"}
    };

    private LinkChecker() {}

    /** "page: link" for each broken link, and the number of links checked. */
    public static Result check(Path site) {
        return check(site, false);
    }

    /** Like {@link #check(Path)}, also counting as broken every link that leaves {@code site}. */
    public static Result checkSelfContained(Path site) {
        return check(site, true);
    }

    private static Result check(Path site, boolean inside) {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".html"))::iterator) {
                Document document = Jsoup.parse(page.toFile(), "UTF-8");
                for (String[] attribute : ATTRIBUTES) {
                    for (Element element : document.select(attribute[0] + "[" + attribute[1] + "]")) {
                        String link = element.attr(attribute[1]);
                        if (link.isEmpty() || link.startsWith("#") || SiteUrls.isAbsolute(link)) {
                            continue;
                        }
                        checked++;
                        if (!resolves(page.getParent(), link) || (inside && !leadsInto(site, page.getParent(), link))) {
                            broken.add(site.relativize(page) + ": " + link);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(broken, checked);
    }

    /** Whether {@code link} (relative, percent-encoded, maybe with ?query#fragment) names a file from {@code dir}. */
    static boolean resolves(Path dir, String link) {
        return Files.isRegularFile(target(dir, link));
    }

    private static Path target(Path dir, String link) {
        String path = link.replaceAll("[?#].*$", "");
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return dir.resolve(decoded).normalize();
    }

    private static boolean leadsInto(Path site, Path dir, String link) {
        return target(dir, link).startsWith(site.toAbsolutePath().normalize());
    }

    public record Result(List<String> broken, int checked) {}
}
