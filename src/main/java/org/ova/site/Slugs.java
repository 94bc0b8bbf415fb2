package org.ova.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names for tags and folders. A slug is lower case; Latin accents are dropped ({@code Café} →
 * {@code cafe}), other letters and digits of any script are kept, every other run of characters
 * becomes one {@code -}. Names whose slugs collide get {@code -2}, {@code -3}, … in name order.
 */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MAX_LENGTH = 80;
    private static final Set<String> RESERVED = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private Slugs() {}

    /** The natural slug of {@code text}; {@code fallback} when nothing usable is left. */
    public static String of(String text, String fallback) {
        String plain =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        plain = Normalizer.normalize(plain, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        plain.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                slug.appendCodePoint(c);
            } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        });
        String result = slug.toString();
        if (result.length() > MAX_LENGTH) {
            int end = MAX_LENGTH;
            if (Character.isLowSurrogate(result.charAt(end))) {
                end--;
            }
            result = result.substring(0, end);
        }
        while (result.endsWith("-")) {
            result = result.substring(0, result.length() - 1);
        }
        if (result.isEmpty()) {
            return fallback;
        }
        return RESERVED.contains(result) ? result + "-" : result;
    }

    /**
     * A distinct slug for each of {@code names} (which must be distinct): names keep their natural
     * slug when no other name shares it; in a group that shares one, the first name in
     * {@code names}' order keeps it and the others get the lowest free {@code -2}, {@code -3}, ….
     */
    public static Map<String, String> assign(List<String> names, String fallback) {
        Map<String, String> natural = new LinkedHashMap<>();
        for (String name : names) {
            String slug = of(name, fallback);
            natural.put(name, slug);
        }
        Set<String> taken = new HashSet<>(natural.values());
        Set<String> claimed = new HashSet<>();
        Map<String, String> result = new LinkedHashMap<>();
        List<String> later = new ArrayList<>();
        for (String name : names) {
            String slug = natural.get(name);
            if (claimed.add(slug)) {
                result.put(name, slug);
            } else {
                later.add(name);
            }
        }
        for (String name : later) {
            String base = natural.get(name);
            int n = 2;
            while (taken.contains(base + "-" + n)) {
                n++;
            }
            String slug = base + "-" + n;
            taken.add(slug);
            result.put(name, slug);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        names.forEach(name -> ordered.put(name, result.get(name)));
        return ordered;
    }
}
