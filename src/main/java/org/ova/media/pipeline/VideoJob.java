package org.ova.media.pipeline;

import java.nio.file.Path;
import org.ova.media.ProbeResult;
import org.ova.repo.metadata.VrMode;

/**
 * One video being processed, as the steps see it.
 *
 * @param id           the video's stable id (its media folder name)
 * @param relativePath path in the library, forward slashes, for messages
 * @param file         the video file
 * @param probe        what ffprobe found
 * @param vr           the effective VR layout (stereo videos get one eye in pictures)
 * @param tools        ffmpeg and how to decode
 * @param log          this video's log lines, printed together when it is done
 */
public record VideoJob(
        String id, String relativePath, Path file, ProbeResult probe, VrMode vr, MediaTools tools, VideoLog log) {}
