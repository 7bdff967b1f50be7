package io.graphstore.store.embedded;

import java.util.Optional;

/**
 * One server of the dev cluster as {@code graphman dev status} shows it.
 *
 * @param shard the shard it serves
 * @param port its port on 127.0.0.1
 * @param pid the postmaster's pid when running
 * @param change what the last command did to it: started, already running, stopped, not running
 */
public record ServerState(String shard, int port, Optional<Long> pid, String change) {
    public boolean running() {
        return pid.isPresent();
    }
}
