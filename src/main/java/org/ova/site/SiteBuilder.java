package org.ova.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ova.repo.Library;
import org.ova.repo.LibraryLayout;
import org.ova.site.render.internal.WriteQueue;

/**
 * Renders a library's static site: model, pages, data files and theme assets, written into the
 * configured site folder incrementally. Keep one instance per library to reuse its compiled
 * templates (the server re-renders with it after edits); {@link #build} is the one-call form.
 * One render at a time per instance (it renders pages on all cores itself).
 */
public final class SiteBuilder {

    private final LibraryLayout layout;
    private final String theme;
    /** Loaded on the first render that has work to do: a no-op build never reads the theme. */
    private ThemeFiles assets;

    private ThemeTemplates templates;
    /** What the last render hashed and wrote into data files, for the next to reuse (see {@link LiveSite}). */
    private SiteFingerprint inputs = new SiteFingerprint();
    /**
     * The theme's {@link ThemeFiles#stamp} at the last whole render: a render of an edit reuses it, as it
     * reuses the theme loaded once (reading the theme's files again is a visible part of such a render).
     */
    private String themeStamp;

    /** The manifest of the site folder that edits re-render: kept, as it remembers what it read last. */
    private SiteManifest liveManifest;

    private final VideoRows libraryRows = SiteDataFiles.libraryRows();
    private final VideoRows searchRows = SiteDataFiles.searchRows();

    public SiteBuilder(LibraryLayout layout, String theme) {
        ThemeFiles.requireBundled(theme);
        this.layout = layout;
        this.theme = theme;
    }

    /**
     * Fails, saying how to fix it, when ova bundles no theme named {@code theme}: what a build checks
     * first, for {@code ova doctor} to check before one.
     *
     * @throws SiteException naming the theme and the fix
     */
    public static void requireTheme(String theme) {
        ThemeFiles.requireBundled(theme);
    }

    /** The folder where a library overrides theme files: {@code .ova-repo/theme/{templates,assets}/}. */
    public static Path themeDir(LibraryLayout layout) {
        return layout.repoDir().resolve("theme");
    }

    /** Renders {@code library}'s site once, with a fresh engine. */
    public static SiteResult build(Library library, Instant now) {
        return build(library, now, false);
    }

    /**
     * Renders {@code library}'s site once, with a fresh engine.
     *
     * @param force write into a site folder that is not empty and was not made by ova (see {@link #render})
     */
    public static SiteResult build(Library library, Instant now, boolean force) {
        return new SiteBuilder(library.layout(), library.config().site().theme()).render(library, now, force);
    }

    /** {@link #render(Library, Instant, boolean)} into a folder ova made, or an empty one. */
    public SiteResult render(Library library, Instant now) {
        return render(library, now, false);
    }

    /**
     * Renders the whole site of {@code library} into {@code site.output}, writing only files whose
     * bytes changed and deleting those of an earlier build that are gone. All or nothing: when any page
     * fails, the site stays as it was and the error lists every failure. When nothing the site is made
     * from changed since the last render (see {@link SiteFingerprint}) and its files are all there,
     * nothing is rendered.
     *
     * @param now   the build time (for playlists' {@code addedWithin} rules)
     * @param force write into {@code site.output} even when it holds files ova did not make
     * @throws SiteException naming every failed template with its line, or the folder and the fix
     */
    public SiteResult render(Library library, Instant now, boolean force) {
        Path outputDir = library.config().site().outputDir(layout);
        return render(library, now, outputDir, LibraryLinks.between(outputDir, layout.root()), force);
    }

    /**
     * Renders like {@link #render(Library, Instant, boolean)}, into {@code outputDir} with {@code links} to
     * the library's files: how a published copy (see {@code org.ova.site.publish}) is made.
     */
    public SiteResult render(Library library, Instant now, Path outputDir, LibraryLinks links, boolean force) {
        return render(library, now, outputDir, links, force, () -> SiteModelBuilder.build(library, now, links));
    }

    /**
     * {@link #render(Library, Instant)} with {@code model}, the model of {@code library} at {@code now} with
     * the site's links: how {@link LiveSite} starts from the model it keeps updating.
     */
    SiteResult render(Library library, Instant now, SiteModel model) {
        Path outputDir = library.config().site().outputDir(layout);
        return render(library, now, outputDir, LibraryLinks.between(outputDir, layout.root()), false, () -> model);
    }

    private SiteResult render(
            Library library,
            Instant now,
            Path outputDir,
            LibraryLinks links,
            boolean force,
            Supplier<SiteModel> modelBuilder) {
        SiteWriter writer = new SiteWriter(outputDir, SiteManifest.of(layout, outputDir));
        // a whole render hashes everything again, sprite files included
        inputs = new SiteFingerprint();
        themeStamp = ThemeFiles.stamp(theme, themeDir(layout));
        String fingerprint = inputs.next(library, now, themeStamp, links.fingerprint());
        int upToDate = writer.upToDate(fingerprint);
        if (upToDate >= 0) {
            return new SiteResult(0, upToDate, 0, writer.root());
        }
        writer.claim(force);
        // the theme is read while the model is built, which leaves part of a core idle; on a thread of
        // its own, as the common pool's threads are the model's
        CompletableFuture<Void> theme =
                CompletableFuture.runAsync(this::loadTheme, task -> new Thread(task, "ova-theme-loader").start());
        SiteModel model = modelBuilder.get();
        try {
            theme.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return renderModel(model, pages(model), writer, fingerprint, path -> false);
    }

    /** The pages of {@code model} as this builder renders them. */
    List<Page> pages(SiteModel model) {
        return new SitePages(model, this::libraryText).all();
    }

    /**
     * Renders {@code model}'s {@code pages} (see {@link #pages}) into the configured site folder like
     * {@link #render(Library, Instant)}, except the pages {@code unchanged} names, which are kept as the
     * last render wrote them: how {@link LiveSite} re-renders only the pages an edit affects.
     */
    SiteResult render(Library library, Instant now, SiteModel model, List<Page> pages, Predicate<String> unchanged) {
        SiteWriter writer = new SiteWriter(library.config().site().outputDir(layout), liveManifest(library));
        writer.claim(false);
        loadTheme();
        // the inputs are recorded as unknown (so written once, not per edit): a build after a crash then
        // renders again; recordInputs writes them down when the edits are over
        return renderModel(model, pages, writer, SiteFingerprint.UNKNOWN, unchanged);
    }

    /**
     * Writes down that the site folder holds what {@code library} at {@code now} renders to, after renders
     * of edits (which leave that unknown), so that the next build finds the site up to date. Call only
     * when the last render into the folder, of exactly this library, succeeded.
     */
    void recordInputs(Library library, Instant now) {
        Path outputDir = library.config().site().outputDir(layout);
        SiteManifest manifest = liveManifest(library);
        Optional<SiteManifest.Entry> entry = manifest.read();
        if (entry.isPresent() && entry.get().inputs().equals(SiteFingerprint.UNKNOWN)) {
            if (themeStamp == null) {
                themeStamp = ThemeFiles.stamp(theme, themeDir(layout));
            }
            String fingerprint = inputs.next(
                    library,
                    now,
                    themeStamp,
                    LibraryLinks.between(outputDir, layout.root()).fingerprint());
            manifest.write(new SiteManifest.Entry(fingerprint, entry.get().files()));
        }
    }

    private SiteManifest liveManifest(Library library) {
        Path outputDir = library.config().site().outputDir(layout);
        if (liveManifest == null || !liveManifest.isOf(layout, outputDir)) {
            liveManifest = SiteManifest.of(layout, outputDir);
        }
        return liveManifest;
    }

    private SiteResult renderModel(
            SiteModel model, List<Page> pages, SiteWriter writer, String fingerprint, Predicate<String> unchanged) {
        templates.startRender();
        RenderFailures failures = new RenderFailures();
        List<Runnable> files = new ArrayList<>();
        WriteQueue queue = new WriteQueue();
        // the data files are the largest: first, so no core is left with one of them at the end
        files.add(() -> writeRows(queue, writer, SitePaths.LIBRARY_DATA, libraryRows, model));
        files.add(() -> writeRows(queue, writer, SitePaths.SEARCH_DATA, searchRows, model));
        files.add(() -> queue.submit(write(writer, SitePaths.PLAYLISTS_DATA, SiteDataFiles.playlists(model))));
        for (Page page : pages) {
            if (unchanged.test(page.path())) {
                writer.keep(page.path());
                continue;
            }
            files.add(() -> {
                try {
                    String text =
                            templates.render(page.template(), page.variables().get());
                    PageSize.check(page.path(), text);
                    queue.submit(write(writer, page.path(), text));
                } catch (SiteException e) {
                    failures.add(page.path(), e);
                }
            });
        }
        assets.files().forEach((path, bytes) -> queue.submit(() -> writer.write("assets/" + path, bytes)));
        // failures are collected, not thrown from the stream: every one is reported, and a throw there
        // returns while other files are still being written
        files.parallelStream().forEach(file -> {
            try {
                file.run();
            } catch (RuntimeException e) {
                failures.add("", e);
            }
        });
        queue.finish().forEach(e -> failures.add("", e));
        if (!failures.isEmpty()) {
            writer.abandon();
            libraryRows.forget();
            searchRows.forget();
            throw failures.toException();
        }
        int deleted = writer.finish(fingerprint);
        return new SiteResult(writer.written(), writer.unchanged(), deleted, writer.root());
    }

    private void loadTheme() {
        if (templates == null) {
            Path themeDir = themeDir(layout);
            assets = ThemeFiles.load(theme, "assets", themeDir.resolve("assets"));
            templates = new ThemeTemplates(themeDir.resolve("templates"), theme);
        }
    }

    private static void writeRows(WriteQueue queue, SiteWriter writer, String path, VideoRows rows, SiteModel model) {
        rows.bytes(model.videos())
                .ifPresentOrElse(bytes -> queue.submit(() -> writer.write(path, bytes)), () -> writer.keep(path));
    }

    private static Runnable write(SiteWriter writer, String path, String text) {
        return () -> writer.write(path, text);
    }

    private String libraryText(String libraryPath) {
        try {
            return Files.readString(layout.root().resolve(libraryPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
