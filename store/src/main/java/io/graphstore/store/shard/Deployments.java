package io.graphstore.store.shard;

import io.graphstore.common.StoreException;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.Layout;
import io.graphstore.common.ShardName;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Entry to every site's shard data. Each site's layout is parsed from its stored schema once
 * and kept (a deployment's schema never changes).
 */
public final class Deployments {
    private final Function<Site, ShardPool> pools;
    private final Function<ShardName, List<String>> holdings;
    private final Map<DeploymentId, Layout> layouts = new ConcurrentHashMap<>();

    /**
     * @param holdings the namespaces a shard holds, for errors about an unreachable shard
     *     (best effort: an empty list when the directory cannot say)
     */
    public Deployments(Function<Site, ShardPool> pools, Function<ShardName, List<String>> holdings) {
        this.pools = pools;
        this.holdings = holdings;
    }

    public DeploymentData data(Site site) {
        ShardPool pool = pools.apply(site);
        Layout layout = layouts.computeIfAbsent(site.id(), id -> {
            String schema = inShard(site, h -> h.attach(MetadataDao.class).schema(id.value()))
                    .orElseThrow(() -> new StoreException("site " + site.describe() + " has no schema in shard '"
                            + site.shard() + "'; finish its deploy by running 'graphman deploy' again"));
            return Layout.parse(schema, site.namespace() + " schema");
        });
        return new DeploymentData(site, pool, layout, holdings);
    }

    private <T> T inShard(Site site, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return DeploymentData.inShard(pools.apply(site), site, work);
        } catch (ShardUnavailableException e) {
            throw e.holding(holdings.apply(site.shard()));
        }
    }

    /** Creates the site's namespace, tables and metadata; one shard transaction. */
    public void create(Site site, Layout layout, String schemaText, int startBlock) {
        DeploymentData.create(site, pools.apply(site), layout.createStatements(site.namespace()), schemaText,
                startBlock, h -> { });
        layouts.put(site.id(), layout);
    }

    /**
     * Like {@link #create(Site, Layout, String, int)} for a copy: the tables get only their
     * primary key (the copy builds the other indexes after loading its rows), and
     * {@code alsoInTransaction} runs in the same shard transaction.
     */
    public void createForCopy(Site site, Layout layout, String schemaText, int startBlock,
            java.util.function.Consumer<org.jdbi.v3.core.Handle> alsoInTransaction) {
        DeploymentData.create(site, pools.apply(site), layout.tableStatements(site.namespace()), schemaText,
                startBlock, alsoInTransaction);
        layouts.put(site.id(), layout);
    }

    public boolean exists(Site site) {
        return inShard(site, h -> h.attach(MetadataDao.class).head(site.id().value()).isPresent());
    }

    public Optional<String> schema(Site site) {
        return inShard(site, h -> h.attach(MetadataDao.class).schema(site.id().value()));
    }

    // status and head are fluent queries rather than MetadataDao's SqlObject methods (same SQL):
    // 'graphman info' reads them, and a SqlObject's first use costs such a command more CPU than
    // its queries (docs/benchmarks.md).

    public Optional<MetadataDao.StatusRow> status(Site site) {
        return inShard(site, h -> h.createQuery(MetadataDao.STATUS).bind("id", site.id().value())
                .map(MetadataDao.STATUS_ROW).findOne());
    }

    /**
     * The site's head, read without its layout: {@link #data} parses the stored schema, which
     * costs more than the read when a command only shows where a site stands.
     */
    public Head head(Site site) {
        return inShard(site, h -> DeploymentData.head(h.createQuery(MetadataDao.HEAD).bind("id", site.id().value())
                .map(MetadataDao.HEAD_ROW).findOne(), site));
    }

    /** Removes the site's namespace and metadata rows from its shard; one shard transaction. */
    public void drop(Site site) {
        drop(site, () -> { });
    }

    /**
     * Like {@link #drop(Site)}, running {@code beforeCommit} last in the transaction. Idempotent:
     * dropping a site whose data is gone already (or partly gone) changes nothing else.
     */
    public void drop(Site site, Runnable beforeCommit) {
        inShard(site, h -> {
            DeploymentData.dropNamespace(h, site);
            h.attach(MetadataDao.class).deleteDeployment(site.id().value());
            h.execute("delete from subgraphs.follow_state where id = ?", site.id().value());
            h.execute("delete from subgraphs.copy_state where dst = ?", site.id().value());
            h.execute("delete from subgraphs.table_stats where deployment = ?", site.id().value());
            h.execute("delete from subgraphs.revert_log where deployment = ?", site.id().value());
            beforeCommit.run();
            return null;
        });
        layouts.remove(site.id());
    }
}
