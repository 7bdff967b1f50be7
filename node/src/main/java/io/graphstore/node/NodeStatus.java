package io.graphstore.node;

import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.ShardStatus;
import io.graphstore.store.admin.TopologyAdmin;
import java.time.Instant;
import java.util.List;

/**
 * What the node's last status round saw: every shard's probe, the copies, the deployments'
 * heads, and whether the directory could be read (from the primary or a mirror). Taken every
 * probe interval in the background, so health endpoints and metric scrapes never wait on a
 * shard.
 */
public record NodeStatus(Instant takenAt, List<ShardStatus> shards, CopyAdmin.Listing copies,
        List<TopologyAdmin.Head> heads, boolean directoryReadable) {

    static NodeStatus none() {
        return new NodeStatus(Instant.EPOCH, List.of(), new CopyAdmin.Listing(List.of(), List.of()), List.of(), false);
    }
}
