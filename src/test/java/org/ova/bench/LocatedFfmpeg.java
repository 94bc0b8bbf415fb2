package org.ova.bench;

import org.ova.media.TestClips;

/** Prints the ffmpeg ova finds on this machine (PATH, else the bundled build), for bench scripts. */
public final class LocatedFfmpeg {

    public static void main(String[] args) {
        System.out.println(TestClips.installation().ffmpeg());
    }
}
