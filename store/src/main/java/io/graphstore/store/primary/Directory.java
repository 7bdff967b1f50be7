package io.graphstore.store.primary;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The directory in the primary: where every site lives, names, versions, assignments, chains.
 * Touches the primary only. Site lookups are cached (see {@link SiteCache}); every write made
 * through {@link #write} drops the cache at once, other processes' writes within moments.
 */
public final class Directory implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Directory.class);

    private static final SiteMapper SITE = new SiteMapper();

    private final ShardPool primary;
    private final List<ShardPool> mirrors;
    private final SiteCache cache = new SiteCache();
    private final Duration connectTimeout;
    private volatile Optional<MirrorAnswer> lastMirror = Optional.empty();
    private volatile Consumer<MirrorAnswer> onMirrorRead = a -> { };
    private volatile boolean changedHere;
    private volatile boolean warned;
    private DirectoryListener listener;
    private final List<DirectoryListener.Callbacks> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param mirrors the other shards' pools, in config order: where reads go while the
     *     primary is down
     */
    public Directory(ShardPool primary, List<ShardPool> mirrors, Duration connectTimeout) {
        this.primary = primary;
        this.mirrors = List.copyOf(mirrors);
        this.connectTimeout = connectTimeout;
    }

    /** The mirror that answered the last read, when the primary could not. */
    public Optional<MirrorAnswer> lastMirror() {
        return lastMirror;
    }

    /** Starts the change listener; until then (and while it is disconnected) nothing is cached. */
    public synchronized void enableCache() {
        if (listener == null) {
            listener = new DirectoryListener(primary.connectionInfo(), new DirectoryListener.Callbacks() {
                @Override
                public void changed(List<String> payloads) {
                    cache.invalidate();
                    subscribers.forEach(s -> s.changed(payloads));
                }

                @Override
                public void connected(boolean up) {
                    cache.listening(up);
                    subscribers.forEach(s -> s.connected(up));
                }
            }, connectTimeout, "directory-cache-listener");
            listener.start();
        }
    }

    /**
     * Calls {@code callbacks} on every directory change and listener (dis)connection, after the
     * cache has dropped what the change made stale, so a subscriber that reads the directory
     * in its callback sees the change. Takes effect with {@link #enableCache}.
     */
    public void subscribe(DirectoryListener.Callbacks callbacks) {
        subscribers.add(callbacks);
    }

    /** Whether lookups are currently served from the cache. */
    public boolean cacheActive() {
        return cache.isListening();
    }

    // The reads below are fluent queries rather than the DAOs' SqlObject methods (same SQL): a
    // SqlObject's first use builds Jdbi's extension machinery and a proxy, which cost a short
    // graphman command more CPU than its queries (docs/benchmarks.md).

    public Optional<Site> site(DeploymentId id) {
        return cache.get("id:" + id, () -> read(h -> h.createQuery(SiteDao.BY_ID).bind("id", id.value())
                .map(SITE).findOne()));
    }

    public Optional<Site> activeSite(DeploymentHash hash) {
        return cache.get("active:" + hash, () -> read(h -> h.createQuery(SiteDao.ACTIVE_BY_HASH)
                .bind("hash", hash.value()).map(SITE).findOne()));
    }

    /** Every copy of {@code hash}, the active one first. */
    public List<Site> sites(DeploymentHash hash) {
        return cache.get("hash:" + hash, () -> read(h -> h.createQuery(SiteDao.BY_HASH).bind("hash", hash.value())
                .map(SITE).list()));
    }

    public List<Site> allSites() {
        return read(h -> h.createQuery(SiteDao.ALL).map(SITE).list());
    }

    public Optional<SubgraphDao.NameRow> subgraph(SubgraphName name) {
        return cache.get("name:" + name, () -> read(h -> h.createQuery(SubgraphDao.BY_NAME).bind("name", name.value())
                .map(SubgraphDao.NAME_ROW).findOne()));
    }

    public List<SubgraphDao.NameRow> subgraphs() {
        return read(h -> h.createQuery(SubgraphDao.ALL).map(SubgraphDao.NAME_ROW).list());
    }

    public List<SubgraphDao.VersionRef> namesFor(DeploymentHash hash) {
        return read(h -> h.createQuery(SubgraphDao.NAMES_FOR).bind("hash", hash.value())
                .map(SubgraphDao.VERSION_REF).list());
    }

    public Optional<AssignmentDao.Row> assignment(DeploymentId id) {
        return read(h -> h.createQuery(AssignmentDao.BY_ID).bind("id", id.value()).map(AssignmentDao.ROW).findOne());
    }

    public Map<ShardName, Long> assignedPerShard() {
        Map<ShardName, Long> counts = new LinkedHashMap<>();
        read(h -> h.createQuery(SiteDao.ASSIGNED_PER_SHARD).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()).forEach(e -> counts.put(ShardName.of(e.getKey()), e.getValue()));
        return counts;
    }

    public Map<NodeId, Long> assignedPerNode() {
        Map<NodeId, Long> counts = new LinkedHashMap<>();
        read(h -> h.createQuery(AssignmentDao.ASSIGNED_PER_NODE)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(e -> counts.put(NodeId.of(e.getKey()), e.getValue()));
        return counts;
    }

    /** The cordoned shards, by name; empty when none is. */
    public Map<ShardName, CordonDao.Cordon> cordons() {
        Map<ShardName, CordonDao.Cordon> cordons = new LinkedHashMap<>();
        readPrimary(h -> h.createQuery(CordonDao.ALL).map(CordonDao.CORDON).list())
                .forEach(c -> cordons.put(ShardName.of(c.shard()), c));
        return cordons;
    }

    public List<ChainDao.Chain> chains() {
        return read(h -> h.attach(ChainDao.class).all());
    }

    /**
     * The sites a user means by {@code locator}: a hash (every copy), {@code hash:shard},
     * a namespace {@code sgdN}, or a subgraph name (its current version, else its pending one).
     */
    public List<Site> resolve(String locator) {
        return new Locator(this).resolve(locator);
    }

    /** Like {@link #resolve} but exactly one site: several copies need {@code hash:shard}. */
    public Site resolveOne(String locator) {
        List<Site> sites = resolve(locator);
        if (sites.size() > 1) {
            throw new BadInputException("deployment '" + locator + "' has " + sites.size() + " copies ("
                    + String.join(", ", sites.stream().map(s -> s.namespace() + " in " + s.shard()).toList())
                    + "); name one as HASH:SHARD or sgdN");
        }
        return sites.get(0);
    }

    /**
     * Runs {@code work} in one primary transaction and drops the cache afterwards. Directory
     * writes need the primary: while it is down this fails within the connect timeout with
     * an error naming it.
     */
    public <T> T write(Function<Handle, T> work) {
        try {
            T result = primary.jdbi().inTransaction(work::apply);
            changedHere = true;
            return result;
        } catch (JdbiException e) {
            throw primary.translate(e);
        } finally {
            cache.invalidate();
        }
    }

    /**
     * Reads from the primary only (no mirror answers), for what must be current: placement's
     * cordons, a shard's removal check. Fails naming the primary when it is down.
     */
    public <T> T readPrimary(Function<Handle, T> work) {
        try {
            return primary.jdbi().withHandle(work::apply);
        } catch (JdbiException e) {
            throw primary.translate(e);
        }
    }

    /**
     * Reads from the primary; while it cannot be reached, from the freshest shard mirror that
     * answers (never from one that was never refreshed), telling {@link #onMirrorRead} and
     * {@link #lastMirror} which one and how old it is.
     */
    <T> T read(Function<Handle, T> work) {
        ShardUnavailableException down;
        try {
            T result = primary.jdbi().withHandle(work::apply);
            lastMirror = Optional.empty();
            return result;
        } catch (ShardUnavailableException e) {
            down = e;
        } catch (JdbiException e) {
            RuntimeException t = primary.translate(e);
            if (!(t instanceof ShardUnavailableException u)) {
                throw t;
            }
            down = u;
        }
        if (!warned) {
            warned = true;
            LOG.info("{}; reading the directory from the shards' mirrors", down.getMessage());
        }
        List<MirrorCandidate> candidates = mirrorsFreshestFirst();
        for (MirrorCandidate m : candidates) {
            try {
                T result = m.pool().jdbi().inTransaction(h -> {
                    h.execute("set local search_path to mirror");
                    return work.apply(h);
                });
                MirrorAnswer answer = new MirrorAnswer(m.pool().shard(), m.refreshedAt());
                lastMirror = Optional.of(answer);
                onMirrorRead.accept(answer);
                return result;
            } catch (ShardUnavailableException e) {
                // try the next mirror
            } catch (JdbiException e) {
                if (!ShardPool.isConnectionFailure(e)) {
                    throw e;
                }
            }
        }
        boolean anyReadable = mirrors.stream().anyMatch(p -> !p.breaker().isOpen());
        throw down.with(!candidates.isEmpty() || !anyReadable
                ? "and no other shard could be reached to answer from its directory mirror"
                : "and no shard holds a refreshed directory mirror to answer instead (a mirror is refreshed by"
                        + " 'graphman node' and after every graphman change while the primary is up)");
    }

    private record MirrorCandidate(ShardPool pool, OffsetDateTime refreshedAt) {
    }

    /** The reachable mirrors that were refreshed at least once, the most recently refreshed first. */
    private List<MirrorCandidate> mirrorsFreshestFirst() {
        List<MirrorCandidate> found = new ArrayList<>();
        for (ShardPool mirror : mirrors) {
            if (mirror.breaker().isOpen()) {
                continue;
            }
            try {
                mirror.jdbi().withHandle(h -> h.createQuery("select refreshed_at from mirror.refresh")
                        .mapTo(OffsetDateTime.class).findOne())
                        .ifPresent(at -> found.add(new MirrorCandidate(mirror, at)));
            } catch (ShardUnavailableException | JdbiException e) {
                // an unreachable shard, or one not migrated yet: no mirror to read there
            }
        }
        found.sort(Comparator.comparing(MirrorCandidate::refreshedAt).reversed());
        return found;
    }

    /** Whether this process changed the directory since it opened it (so the mirrors are behind). */
    public boolean changedHere() {
        return changedHere;
    }

    /** Called with every answer a mirror gave instead of the primary (for a CLI's note). */
    public void onMirrorRead(Consumer<MirrorAnswer> listener) {
        this.onMirrorRead = listener;
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }
}
