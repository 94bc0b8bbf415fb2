package org.ova.server.edit;

import java.util.OptionalDouble;
import org.ova.repo.metadata.VideoMetadata;

/**
 * What the Edit form shows for one video: its metadata as its YAML file says now, and the version
 * of that file ({@code etag}) an edit must name to be applied.
 *
 * @param duration seconds, when the video was probed: chapter and marker times must lie inside it
 */
public record EditableVideo(String id, VideoMetadata metadata, OptionalDouble duration, String etag) {}
