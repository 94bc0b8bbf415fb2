package org.ova.media.pipeline;

import java.util.Map;
import java.util.Optional;
import org.ova.media.ProbeResult;

/**
 * What ova remembers about processing one video (machine data, rebuilt when lost).
 *
 * @param probe   the probe result, once probing succeeded
 * @param steps   for each kind of media in place: how it was made and its file
 * @param failure why the last processing failed (retried on the next build); empty when it did not
 */
public record VideoState(Optional<ProbeResult> probe, Map<MediaKind, StepOutput> steps, Optional<String> failure) {

    public static final VideoState NEW = new VideoState(Optional.empty(), Map.of(), Optional.empty());

    public VideoState {
        steps = Map.copyOf(steps);
    }

    public VideoState withProbe(ProbeResult result) {
        return new VideoState(Optional.of(result), steps, failure);
    }

    public VideoState withSteps(Map<MediaKind, StepOutput> newSteps, Optional<String> newFailure) {
        return new VideoState(probe, newSteps, newFailure);
    }
}
