package org.ova.media.ffmpeg;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text ffmpeg prints for {@code -version}, {@code -hwaccels}, {@code -encoders},
 * {@code -decoders} and {@code -filters}. Pure functions, so they are tested on captured output.
 */
final class FfmpegListings {

    private static final Pattern VERSION = Pattern.compile("^\\S+ version (\\S+)");
    /** {@code " V....D libx264   libx264 H.264 ..."}: six flag characters, then the name. */
    private static final Pattern CODEC_LINE = Pattern.compile("^ [VASD][.A-Z]{5} (\\S+)");
    /** {@code " TSC aap  AA->A  Apply ..."}: three flag characters, a name, then the in->out pads. */
    private static final Pattern FILTER_LINE = Pattern.compile("^ [T.][S.][C.] (\\S+)\\s+\\S*->\\S*\\s");

    private FfmpegListings() {}

    /** The version word of {@code ffmpeg -version}'s first line, or the whole line if it is unusual. */
    static String version(String output) {
        String first = output.strip().lines().findFirst().orElse("");
        Matcher m = VERSION.matcher(first);
        return m.find() ? m.group(1) : first;
    }

    /** The methods listed after "Hardware acceleration methods:". */
    static Set<String> hwaccels(String output) {
        Set<String> names = new LinkedHashSet<>();
        boolean listing = false;
        for (String line : output.lines().toList()) {
            if (line.startsWith("Hardware acceleration methods:")) {
                listing = true;
            } else if (listing && !line.isBlank()) {
                names.add(line.strip());
            }
        }
        return names;
    }

    /** Encoder or decoder names: the lines after the {@code ------} separator. */
    static Set<String> codecs(String output) {
        Set<String> names = new LinkedHashSet<>();
        boolean listing = false;
        for (String line : output.lines().toList()) {
            if (line.strip().equals("------")) {
                listing = true;
                continue;
            }
            Matcher m = CODEC_LINE.matcher(line);
            if (listing && m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Filter names. */
    static Set<String> filters(String output) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : output.lines().toList()) {
            Matcher m = FILTER_LINE.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
