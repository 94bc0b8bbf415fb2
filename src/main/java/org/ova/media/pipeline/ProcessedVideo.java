package org.ova.media.pipeline;

import java.util.Optional;
import org.ova.repo.GeneratedMedia;
import org.ova.repo.MediaFacts;

/**
 * What processing one video left, for the library a server shows: what probing found, the media made
 * so far, and why it failed this time.
 *
 * @param id        the video's id
 * @param facts     the probe's facts; empty when probing failed
 * @param generated the video's generated media now (the site links to it)
 * @param failure   why this processing failed; empty when it succeeded
 */
public record ProcessedVideo(
        String id, Optional<MediaFacts> facts, GeneratedMedia generated, Optional<String> failure) {}
