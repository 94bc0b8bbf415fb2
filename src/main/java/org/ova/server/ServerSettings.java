package org.ova.server;

import java.util.Optional;
import org.ova.repo.config.ServerOptions;

/**
 * How one {@code ova serve} runs: the config's {@code server:} options with the command line's
 * overrides applied, and the token writes must carry.
 *
 * @param options the effective options (host and port from the command line when given)
 * @param token   what writes must send in {@code X-Ova-Token}; present whenever {@link #tokenRequired}
 * @param version ova's version, for {@code /api/status}
 */
public record ServerSettings(ServerOptions options, Optional<String> token, String version) {

    public ServerSettings {
        if (options.reachableFromOtherHosts() && token.isEmpty()) {
            throw new IllegalArgumentException("a server reachable from other hosts needs a token");
        }
    }

    /** Writes need the token: other machines can reach the server. */
    public boolean tokenRequired() {
        return options.reachableFromOtherHosts();
    }
}
