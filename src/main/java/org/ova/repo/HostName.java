package org.ova.repo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The name of the machine ova runs on, for what shards on several machines share in one library
 * (lock holders, records of ffmpeg processes): a pid means nothing on another machine, and in
 * containers the same pids come up on every one.
 */
public final class HostName {

    /** The kernel's host name (what cluster nodes and containers are told apart by), else the resolver's. */
    public static final String OF_THIS_MACHINE = read();

    private HostName() {}

    private static String read() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }
}
