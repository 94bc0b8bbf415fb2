package org.ova.site;

/**
 * How the VR page shows a 360°/180° video.
 *
 * @param projection {@code 360} or {@code 180}
 * @param stereo     {@code mono}, {@code sbs} or {@code tb}
 * @param pageUrl    site-relative address of the VR page
 */
public record VrView(String projection, String stereo, String pageUrl) {}
