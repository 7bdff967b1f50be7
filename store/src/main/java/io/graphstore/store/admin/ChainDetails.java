package io.graphstore.store.admin;

import io.graphstore.store.primary.ChainMoveDao;
import java.util.List;
import java.util.Optional;

/**
 * A chain as {@code graphman chain list} and {@code chain info} show it: the directory's row
 * (shard, namespace, head), what its namespace in that shard holds (exact count, lowest and
 * highest number, bytes; empty with {@code problem} when the shard cannot be read), the shard
 * the config names for it, the deployments on it, and the move under way.
 */
public record ChainDetails(String name, String shard, String namespace, Optional<Long> head, Optional<String> headHash,
        Optional<Long> blocks, Optional<Long> earliest, Optional<Long> latest, Optional<Long> bytes,
        Optional<String> configShard, List<String> deployments, Optional<ChainMoveDao.Move> move,
        Optional<String> problem) {
}
