package org.ova.repo;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One part of a library split for processing on several machines ({@code ova build --shard 2/3}):
 * shard {@code index} of {@code count}, counted from 1. A video belongs to shard
 * {@code CRC-32(its id) mod count + 1}: computed from the id alone, so every machine agrees without
 * talking to the others, and the parts come out about even. Ids never change with a video's name,
 * so a renamed video stays in its shard.
 */
public record Shard(int index, int count) implements Comparable<Shard> {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,6})/(\\d{1,6})");
    /** The name part of a shard's files: {@code shard-2-of-3}. */
    private static final Pattern NAME = Pattern.compile("shard-(\\d{1,6})-of-(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "shard " + index + "/" + count + " does not exist: write I/N with 1 <= I <= N, e.g. 2/3");
        }
    }

    /**
     * Reads {@code I/N}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static Shard parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a shard: write I/N, e.g. 2/3 for the second of" + " three shards");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The shard whose files carry {@code name} ({@link #fileName}), if it is one. */
    public static Optional<Shard> fromFileName(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The shard of {@code count} that the video {@code videoId} belongs to. */
    public static Shard of(String videoId, int count) {
        CRC32 crc = new CRC32();
        crc.update(videoId.getBytes(StandardCharsets.UTF_8));
        return new Shard((int) (crc.getValue() % count) + 1, count);
    }

    /** Whether the video {@code videoId} is processed by this shard. */
    public boolean contains(String videoId) {
        return of(videoId, count).index == index;
    }

    /** {@code shard-2-of-3}, the part of the names of this shard's lock, state and log files. */
    public String fileName() {
        return "shard-" + index + "-of-" + count;
    }

    /** By count, then index: 1/2, 2/2, 1/3, ... */
    @Override
    public int compareTo(Shard other) {
        return count != other.count ? Integer.compare(count, other.count) : Integer.compare(index, other.index);
    }

    /** {@code 2/3}, as written on the command line. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
