package io.graphstore.store.admin;

import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.domain.Site;
import io.graphstore.store.internal.FanOut;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.ChainDao;
import io.graphstore.store.primary.Directory;
import io.graphstore.store.shard.Head;
import io.graphstore.store.shard.MetadataDao;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only views for {@code graphman info} and {@code chain list}. */
public final class InfoAdmin {
    private final ShardedStore store;
    private final Directory directory;
    private Map<Integer, OffsetDateTime> removals = Map.of();

    public InfoAdmin(ShardedStore store) {
        this.store = store;
        this.directory = store.directory();
    }

    /**
     * Every site, or the sites {@code locator} names. A subgraph name resolves to its active
     * copy; info also shows the other copies of that deployment, so their lag is in view.
     */
    public List<DeploymentInfo> info(Optional<String> locator) {
        List<Site> sites = locator.map(this::withOtherCopies).orElseGet(directory::allSites);
        // the logins to the sites' shards overlap with the reads in the primary that come first
        sites.stream().map(Site::shard).distinct().forEach(s -> store.pool(s).ifPresent(ShardPool::loginEarly));
        removals = beingRemoved();
        List<DeploymentInfo> infos = FanOut.map(sites, this::info); // sites in several shards are read in parallel
        return infos.stream().map(i -> withLag(i, infos)).toList();
    }

    private List<Site> withOtherCopies(String locator) {
        List<Site> sites = directory.resolve(locator);
        if (DeploymentHash.looksLike(locator) || locator.contains(":") || Namespace.looksLike(locator)) {
            return sites;
        }
        return sites.stream().flatMap(s -> directory.sites(s.hash()).stream()
                .sorted(Comparator.comparing((Site o) -> !o.active()).thenComparing(o -> o.id().value()))).toList();
    }

    /** A non-active copy's distance behind the active copy of the same hash. */
    private DeploymentInfo withLag(DeploymentInfo i, List<DeploymentInfo> known) {
        if (i.site().active() || i.head().flatMap(Head::number).isEmpty()) {
            return i;
        }
        Optional<Integer> activeHead = known.stream().filter(o -> o.site().active() && o.site().hash().equals(i.site().hash()))
                .findFirst().or(() -> directory.activeSite(i.site().hash()).map(this::info))
                .flatMap(DeploymentInfo::head).flatMap(Head::number);
        Optional<Integer> lag = activeHead.map(h -> Math.max(0, h - i.head().get().number().get()));
        return new DeploymentInfo(i.site(), i.names(), i.node(), i.pausedAt(), i.head(), i.health(), i.syncedAt(),
                i.shardProblem(), lag);
    }

    private DeploymentInfo info(Site site) {
        Optional<AssignmentDao.Row> a = directory.assignment(site.id());
        Optional<Head> head = Optional.empty();
        Optional<MetadataDao.StatusRow> status = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            if (store.pool(site.shard()).isEmpty()) {
                problem = Optional.of("shard '" + site.shard() + "' is not used by this node");
            } else {
                status = store.deployments().status(site);
                head = status.isPresent() ? Optional.of(store.deployments().head(site)) : Optional.empty();
                if (status.isEmpty()) {
                    problem = Optional.of("no data in shard '" + site.shard() + "'; run the deploy again to finish it");
                }
            }
        } catch (StoreException e) {
            problem = Optional.of(e.getMessage());
        }
        OffsetDateTime removing = removals.get(site.id().value());
        if (removing != null) {
            problem = Optional.of("being removed as unused since " + removing.withNano(0) + "; 'graphman unused remove"
                    + " --deployment " + site.hash() + "' finishes it");
        }
        return new DeploymentInfo(site, directory.namesFor(site.hash()), a.map(AssignmentDao.Row::nodeId),
                a.map(AssignmentDao.Row::pausedAt), head, status.map(MetadataDao.StatusRow::health),
                status.map(MetadataDao.StatusRow::syncedAt), problem, Optional.empty());
    }

    /** Sites whose removal as unused began and did not end; best effort (empty while the primary is down). */
    private Map<Integer, OffsetDateTime> beingRemoved() {
        try {
            return store.primary().jdbi().withHandle(h -> h.createQuery("""
                    select id, removal_started_at from public.unused_deployments
                     where removal_started_at is not null and removed_at is null""")
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).list())
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    public List<ChainDao.Chain> chains() {
        return directory.chains();
    }
}
