package org.ova.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ova.site.render.internal.AsciiHtmlEscaping;
import org.ova.site.render.internal.PageWriter;
import org.ova.site.render.internal.PerThreadPool;

/**
 * The one Pebble engine of a site: autoescaping on, strict variables (a typo in a template fails
 * the build instead of rendering blank), templates compiled once and cached. Templates are looked
 * up in the library's {@code .ova-repo/theme/templates/} first, then in the bundled theme.
 */
public final class ThemeTemplates {

    /** Writers kept for the next page, unless one grew past this (a playlist of the whole library). */
    private static final int MAX_KEPT_CAPACITY = 1 << 20;

    private final PebbleEngine engine;
    private final OvaPebbleExtension extension;
    private final PerThreadPool<PageWriter> writers = new PerThreadPool<>(() -> new PageWriter(8192));

    /**
     * @param overrides the library's template folder (may not exist)
     * @param theme     the bundled theme's name, e.g. {@code default}
     */
    public ThemeTemplates(Path overrides, String theme) {
        List<Loader<?>> loaders = new ArrayList<>();
        if (Files.isDirectory(overrides)) {
            FileLoader library = new FileLoader();
            library.setPrefix(overrides.toAbsolutePath().toString());
            library.setCharset("UTF-8");
            loaders.add(library);
        }
        ClasspathLoader bundled = new ClasspathLoader(ThemeTemplates.class.getClassLoader());
        bundled.setPrefix("themes/" + theme + "/templates");
        bundled.setCharset("UTF-8");
        loaders.add(bundled);
        extension = new OvaPebbleExtension(this::render);
        engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(true)
                .addEscapingStrategy(AsciiHtmlEscaping.NAME, new AsciiHtmlEscaping())
                .defaultEscapingStrategy(AsciiHtmlEscaping.NAME)
                .strictVariables(true)
                .newLineTrimming(true)
                .cacheActive(true)
                .extension(extension)
                .build();
    }

    /**
     * Call before each site render: what templates keep with Pebble's {@code cache} tag (like the layout's
     * header) may show old data otherwise. Cards check their video themselves.
     */
    public void startRender() {
        engine.getTagCache().invalidateAll();
    }

    /**
     * Renders {@code template} with {@code variables}.
     *
     * @throws SiteException "template:line: what failed" when the template fails (its cause the
     *                       {@link PebbleException})
     */
    public String render(String template, Map<String, Object> variables) {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            PageWriter out = writers.borrow();
            try {
                compiled.evaluate(out, variables);
                return out.toString();
            } finally {
                if (out.capacity() <= MAX_KEPT_CAPACITY) {
                    out.clear();
                    writers.release(out);
                }
            }
        } catch (PebbleException e) {
            String file = e.getFileName() != null ? e.getFileName() : template;
            String line = e.getLineNumber() != null && e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "";
            throw new SiteException(file + line + ": " + e.getPebbleMessage(), e);
        } catch (IOException e) {
            throw new SiteException("could not render " + template + ": " + e.getMessage(), e);
        }
    }
}
