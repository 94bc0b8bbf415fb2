package org.ova.site;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ova.repo.AtomicFiles;
import org.ova.repo.LibraryLayout;

/**
 * Which files ova wrote into each site folder of a library, and the fingerprint of the inputs that
 * made them: {@code .ova-repo/machine/site-files.json}, keyed by the site folder as seen from the
 * library root (so it stays valid when the library and its site move together). It lives outside
 * the published folder, and a folder it names is one ova made: ova deletes only files listed here,
 * and writes into a folder that is not listed only when it is empty or the build is forced.
 */
public final class SiteManifest {

    /** Bumped when the format changes incompatibly. */
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final String site;

    /**
     * @param file the manifest file
     * @param site the site folder's key, e.g. {@code .ova-repo/site} or {@code ../public}
     */
    SiteManifest(Path file, String site) {
        this.file = file;
        this.site = site;
    }

    /** The manifest of {@code layout}'s library, for the site folder {@code outputDir}. */
    public static SiteManifest of(LibraryLayout layout, Path outputDir) {
        Path site = outputDir.toAbsolutePath().normalize();
        String key;
        try {
            key = layout.root().relativize(site).toString().replace('\\', '/');
        } catch (IllegalArgumentException otherDrive) {
            key = site.toString();
        }
        return new SiteManifest(layout.machineDir().resolve("site-files.json"), key.isEmpty() ? "." : key);
    }

    /**
     * What ova wrote into one site folder.
     *
     * @param inputs the fingerprint of the inputs that made them (see {@link SiteFingerprint}); empty while
     *               the first render into the folder has not finished
     * @param files  site-relative paths, sorted
     */
    public record Entry(String inputs, List<String> files) {
    }

    /** The file's content: every site folder by its key. */
    private record Content(int version, Map<String, Entry> sites) {
    }

    /**
     * This site folder's entry, or empty when ova never wrote into it.
     *
     * @throws SiteException when the file is corrupt: guessing could delete a person's files
     */
    public Optional<Entry> read() {
        return Optional.ofNullable(readAll().get(site));
    }

    /** Records {@code entry} for this site folder, keeping the others'. */
    void write(Entry entry) {
        Map<String, Entry> sites = readAll();
        if (entry.equals(sites.get(site))) {
            return;
        }
        sites.put(site, entry);
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(new Content(FORMAT_VERSION, sites)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + file, e);
        }
    }

    private Map<String, Entry> readAll() {
        Content content;
        try {
            content = JSON.readValue(Files.readAllBytes(file), Content.class);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (JacksonException e) {
            throw corrupt(e.getOriginalMessage());
        } catch (IOException e) {
            throw new SiteException("could not read " + file + ": " + e.getMessage(), e);
        }
        if (content == null || content.version() != FORMAT_VERSION || content.sites() == null
                || content.sites().values().stream()
                        .anyMatch(entry -> entry == null || entry.inputs() == null || entry.files() == null)) {
            throw corrupt("not a version " + FORMAT_VERSION + " list of sites");
        }
        return new TreeMap<>(content.sites());
    }

    private SiteException corrupt(String reason) {
        return new SiteException(file + " is corrupt (" + reason + "): delete it and build with --force; "
                + "files of earlier builds that are no longer made then stay in the site folder");
    }
}
