package org.ova.server.upload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.ova.server.HttpProblem;

/**
 * The name an uploaded file is stored under, checked before any of its bytes are: a plain file name
 * (no folder part, no {@code ..}, backslash, NUL or control character, not only dots, not hidden, at
 * most 255 bytes) with one of the library's video extensions.
 */
public final class UploadName {

    /** The longest file name most file systems take, in bytes. */
    private static final int MAX_BYTES = 255;

    private UploadName() {}

    /**
     * @param sent       the name the browser sent
     * @param extensions the library's video extensions ({@code library.extensions}), lower case, no dot
     * @throws HttpProblem 400 saying what is wrong with the name
     */
    public static String of(String sent, Set<String> extensions) {
        String name = sent == null ? "" : sent.strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            throw refused(sent, "a file name is needed");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw refused(sent, "a file name without folders is needed (choose the folder separately)");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(sent, "the name holds control characters");
        }
        if (name.startsWith(".")) {
            throw refused(sent, "a hidden file (its name starts with a dot) would not be listed");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused(sent, "the name is longer than " + MAX_BYTES + " bytes");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (!extensions.contains(extension)) {
            throw refused(
                    sent,
                    "only video files are taken: "
                            + String.join(", ", extensions.stream().sorted().toList())
                            + " (library.extensions in .ova-repo/config.yaml)");
        }
        return name;
    }

    private static HttpProblem refused(String sent, String why) {
        return HttpProblem.badRequest("Refused the file name '" + (sent == null ? "" : sent) + "'", why);
    }
}
