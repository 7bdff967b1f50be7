package io.graphstore.store.admin;

import io.graphstore.common.ShardName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One shard as a probe found it: whether it answered, how fast, its server version, its
 * breaker and pool, the deployments the directory places in it and its mirror's age.
 *
 * @param latency how long the probe's connection and query took (empty when it failed)
 * @param deployments copies of deployments stored in the shard, per the directory (empty when
 *     neither the primary nor a mirror could answer)
 * @param mirrorAge age of the shard's copy of the directory (empty for the primary, when never
 *     refreshed, or when the shard did not answer)
 * @param lastError the probe's error, else the breaker's last recorded failure
 */
public record ShardStatus(ShardName shard, boolean reachable, Optional<Duration> latency,
        Optional<String> serverVersion, String breaker, Pool pool, Optional<Long> deployments,
        Optional<Duration> mirrorAge, Optional<String> lastError, Instant probedAt) {

    /** The main pool of the shard: connections in use, idle, threads waiting, the maximum. */
    public record Pool(int active, int idle, int waiting, int max) {
    }
}
