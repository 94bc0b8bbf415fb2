package org.ova.server.upload;

import java.nio.file.Path;
import java.util.List;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;
import org.ova.repo.metadata.MetadataReader;
import org.ova.repo.metadata.MetadataRewriter;
import org.ova.repo.metadata.MetadataTemplate;
import org.ova.repo.metadata.TitleFromFileName;
import org.ova.repo.metadata.VideoMetadata;

/**
 * The metadata file of an uploaded video: the template every new video gets, with the title and tags
 * chosen at upload and {@code draft: true}, so the video stays off the site's pages, search and
 * playlists until it is published.
 */
public final class DraftMetadata {

    private DraftMetadata() {}

    /**
     * Writes the metadata file of the library video {@code relativePath}, atomically.
     *
     * @param title empty to leave the title to the file name
     */
    public static void write(LibraryLayout layout, String relativePath, String title, List<String> tags) {
        Path file = layout.metadataFile(relativePath);
        String fromName = TitleFromFileName.of(relativePath);
        String template = MetadataTemplate.render(relativePath, fromName, List.of());
        VideoMetadata before = MetadataReader.parse(file, template, fromName).metadata();
        VideoMetadata after = new VideoMetadata(
                title.isBlank() || title.strip().equals(fromName) ? "" : title.strip(),
                before.description(),
                tags,
                before.rating(),
                before.chapters(),
                before.markers(),
                before.vr(),
                true);
        AtomicFiles.write(file, MetadataRewriter.rewrite(file, template, before, after));
    }
}
