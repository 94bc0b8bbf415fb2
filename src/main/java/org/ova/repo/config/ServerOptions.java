package org.ova.repo.config;

import java.util.Locale;

/**
 * What {@code ova serve} listens on and which of its write features are on.
 *
 * @param host          the address to bind; loopback unless the person opens it up
 * @param port          the TCP port
 * @param token         the secret writes must carry when the server is reachable from other hosts
 * @param trimApi       whether trimmed downloads are offered
 * @param maxTrimJobs   trim ffmpeg processes allowed at once
 * @param uploads       whether the upload page and API are on
 * @param maxUploadMb   the largest upload accepted, in MiB
 * @param batchVtt      whether the server may run batch VTT processing
 * @param showVttButton whether the upload page shows the (CPU-heavy) "generate VTTs" button
 */
public record ServerOptions(
        String host,
        int port,
        String token,
        boolean trimApi,
        int maxTrimJobs,
        boolean uploads,
        int maxUploadMb,
        boolean batchVtt,
        boolean showVttButton) {

    /**
     * True unless {@link #host} is a loopback address: other machines may then reach the server, so
     * writes must carry {@link #token}.
     */
    public boolean reachableFromOtherHosts() {
        String name = host.trim().toLowerCase(Locale.ROOT);
        boolean loopback =
                name.equals("localhost") || name.startsWith("127.") || name.equals("::1") || name.equals("[::1]");
        return !loopback;
    }

    /** {@link #maxUploadMb} in bytes. */
    public long maxUploadBytes() {
        return (long) maxUploadMb * 1024 * 1024;
    }
}
