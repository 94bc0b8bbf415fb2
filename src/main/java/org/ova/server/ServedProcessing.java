package org.ova.server;

import java.util.Set;
import org.ova.media.jobs.Job;
import org.ova.media.jobs.ProcessingService;
import org.ova.media.pipeline.MediaService;
import org.ova.media.pipeline.ProcessedVideo;
import org.ova.server.edit.VideoEditor;
import org.ova.site.LiveSite;

/**
 * Where the background {@link ProcessingService} of {@code ova serve} meets the served site: each
 * processed video's probe facts and generated media go into the library (through the editor, so an
 * edit made meanwhile is kept; the editor shows it in the {@link LiveLibrary}), the site is refreshed through the one
 * {@link LiveSite} (the video's page always, since its WebVTT may be new under the same path), open pages
 * hear {@code reload}, and every change of a job is a {@code job} event ({@link SiteEvents}).
 */
public final class ServedProcessing implements ProcessingService.Listener {

    private final VideoEditor editor;
    private final LiveSite site;
    private final SiteEvents events;

    private ServedProcessing(VideoEditor editor, LiveSite site, SiteEvents events) {
        this.editor = editor;
        this.site = site;
        this.events = events;
    }

    /**
     * The processing service of a server that serves the library of {@code editor}, rendered by {@code
     * site}; nothing is queued until asked ({@link ProcessingService#queuePending}).
     */
    public static ProcessingService start(MediaService media, VideoEditor editor, LiveSite site, SiteEvents events) {
        return new ProcessingService(media, editor::library, new ServedProcessing(editor, site, events));
    }

    @Override
    public void changed(Job job) {
        events.job(job);
    }

    @Override
    public void processed(ProcessedVideo video) {
        editor.update(
                current -> current.withVideo(video.id(), before -> before.withMedia(video.facts(), video.generated())));
        LiveSiteRefresh.refreshLatestOrLog(
                site, editor::library, Set.of(video.id()), events::reloaded, "processing " + video.id());
    }
}
