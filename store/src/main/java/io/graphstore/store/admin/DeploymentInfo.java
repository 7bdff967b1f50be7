package io.graphstore.store.admin;

import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.SubgraphDao;
import io.graphstore.store.shard.Head;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code graphman info} shows about one site. Shard-side values are empty with
 * {@code shardProblem} set when the site's shard cannot be reached. {@code lag}: for a copy
 * that is not the active one, how many blocks it is behind the active copy's head.
 */
public record DeploymentInfo(Site site, List<SubgraphDao.VersionRef> names, Optional<String> node,
        Optional<OffsetDateTime> pausedAt, Optional<Head> head, Optional<String> health,
        Optional<OffsetDateTime> syncedAt, Optional<String> shardProblem, Optional<Integer> lag) {
}
