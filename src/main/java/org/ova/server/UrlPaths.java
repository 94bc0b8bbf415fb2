package org.ova.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Percent-encodes a path for a URL ({@code Location} header, printed address), segment by segment. */
public final class UrlPaths {

    private UrlPaths() {}

    public static String encode(String path) {
        return Arrays.stream(path.split("/", -1))
                .map(segment ->
                        URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
