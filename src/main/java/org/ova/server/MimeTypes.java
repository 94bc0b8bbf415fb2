package org.ova.server;

import io.undertow.util.MimeMappings;

/** The Content-Type of each file the server sends, by extension: videos, subtitles, images, the site's text. */
final class MimeTypes {

    static final MimeMappings MAPPINGS = MimeMappings.builder(true)
            .addMapping("mp4", "video/mp4")
            .addMapping("m4v", "video/mp4")
            .addMapping("webm", "video/webm")
            .addMapping("mkv", "video/x-matroska")
            .addMapping("mov", "video/quicktime")
            .addMapping("avi", "video/x-msvideo")
            .addMapping("wmv", "video/x-ms-wmv")
            .addMapping("flv", "video/x-flv")
            .addMapping("mpg", "video/mpeg")
            .addMapping("mpeg", "video/mpeg")
            .addMapping("ts", "video/mp2t")
            .addMapping("m2ts", "video/mp2t")
            .addMapping("3gp", "video/3gpp")
            .addMapping("ogv", "video/ogg")
            .addMapping("m4a", "audio/mp4")
            .addMapping("vtt", "text/vtt; charset=utf-8")
            .addMapping("jpg", "image/jpeg")
            .addMapping("jpeg", "image/jpeg")
            .addMapping("png", "image/png")
            .addMapping("webp", "image/webp")
            .addMapping("gif", "image/gif")
            .addMapping("svg", "image/svg+xml")
            .addMapping("ico", "image/x-icon")
            .addMapping("html", "text/html; charset=utf-8")
            .addMapping("css", "text/css; charset=utf-8")
            .addMapping("js", "text/javascript; charset=utf-8")
            .addMapping("mjs", "text/javascript; charset=utf-8")
            .addMapping("json", "application/json")
            .addMapping("txt", "text/plain; charset=utf-8")
            .addMapping("woff2", "font/woff2")
            .addMapping("woff", "font/woff")
            .build();

    private MimeTypes() {}

    /** Whether gzip pays off for {@code contentType}: text, scripts, JSON and SVG, never video or images. */
    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        // an event stream must reach the page event by event, never held back by the compressor
        return (contentType.startsWith("text/") && !contentType.startsWith("text/event-stream"))
                || contentType.startsWith("application/json")
                || contentType.startsWith("application/javascript")
                || contentType.startsWith("image/svg+xml");
    }
}
