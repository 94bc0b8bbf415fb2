package org.ova.media.pipeline;

import java.util.Optional;

/**
 * The kinds of media made for a video, each declared once (as Hugo declares its media types in
 * one file): the folder its files go to, which is also its name in machine data, and the noun
 * log lines use for it ("VTTs generated for video …", "Deleting generated thumbnails...").
 */
public enum MediaKind {
    THUMBNAIL("thumbnail", "Thumbnail", "thumbnails"),
    SPRITES("sprites", "VTTs", "VTTs"),
    PREVIEW("preview", "Preview", "previews"),
    CHAPTERS("chapters", "Chapter track", "chapter tracks"),
    WEB_PROXY("webproxy", "Web-playable copy", "web-playable copies");

    private final String folder;
    private final String noun;
    private final String plural;

    MediaKind(String folder, String noun, String plural) {
        this.folder = folder;
        this.noun = noun;
        this.plural = plural;
    }

    /** The folder under {@code .ova-repo/media/<id>/}, and the step's name in {@code processing.json}. */
    public String folder() {
        return folder;
    }

    /** "VTTs", "Preview", …: capitalised, for the start of a sentence. */
    public String noun() {
        return noun;
    }

    /** "VTTs", "preview", …: for the middle of a sentence. */
    public String lowerNoun() {
        return noun.equals("VTTs") ? noun : Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
    }

    /** "thumbnails", "VTTs", …: what the rollback deletes ("Deleting generated thumbnails..."). */
    public String plural() {
        return plural;
    }

    /**
     * The workflow's line for a step that succeeded, in the seed's words: "VTTs generated for video
     * 'x'." for sprites, "Thumbnail generated for 'x'." for the others.
     */
    public String generatedLine(String path) {
        return noun + " generated for " + (this == SPRITES ? "video '" : "'") + path + "'.";
    }

    /** The kind whose folder is {@code folder}, if any (machine data of another version may name others). */
    static Optional<MediaKind> ofFolder(String folder) {
        for (MediaKind kind : values()) {
            if (kind.folder.equals(folder)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
