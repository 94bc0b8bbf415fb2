package org.ova.site;

/** A chapter with its end (the next chapter's start, or the video's end) and clock text. */
public record ChapterView(double start, double end, String title, String startText) {}
