package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyPreparer;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.RemovalGuard;
import io.graphstore.store.primary.SiteDao;
import io.graphstore.store.shard.Head;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@code graphman copy create}: records a copy of a deployment in another shard and assigns
 * it to a node, which runs it. Validates everything first; writes the primary (site, active
 * copy), then the destination shard (tables, copy state), then the assignment. A failure in the
 * shard removes the site again. The database's unique (hash, shard) constraint decides
 * between concurrent requests for the same copy.
 */
public final class CopyAdmin {
    /** What {@code --activate} / {@code --replace} ask for once the copy has caught up. */
    public enum OnSync { NONE, ACTIVATE, REPLACE }

    private final ShardedStore store;

    public CopyAdmin(ShardedStore store) {
        this.store = store;
    }

    public Site create(String source, ShardName shard, NodeId node, int offset, OnSync onSync, Transport transport) {
        if (offset < 0) {
            throw new BadInputException("--offset " + offset + " is invalid; use 0 or more blocks");
        }
        Site src = store.directory().resolveOne(source);
        if (src.shard().equals(shard)) {
            throw new BadInputException("deployment " + src.describe() + " is already in shard '" + shard
                    + "'; copy it to another shard");
        }
        store.require(shard);
        requireKnown(node);
        Optional<Site> there = store.directory().sites(src.hash()).stream().filter(s -> s.shard().equals(shard)).findFirst();
        if (there.isPresent()) {
            throw new BadInputException("shard '" + shard + "' already has a copy of " + src.hash() + " ("
                    + there.get().namespace() + "); a shard holds at most one copy of a deployment");
        }
        store.directory().write(h -> {
            RemovalGuard.requireNotBeingRemoved(h, src);
            return null;
        });
        Head head = store.deployments().data(src).head();
        if (head.number().isEmpty() || head.number().get() - offset < head.earliestBlock()) {
            throw new BadInputException("deployment " + src.describe() + " has head "
                    + head.number().map(String::valueOf).orElse("none") + "; with --offset " + offset
                    + " there is nothing to copy yet");
        }
        Site dst = recordSite(src, shard);
        try {
            CopyPreparer.prepare(store, src, dst, head.number().get() - offset, onSync.name().toLowerCase(java.util.Locale.ROOT),
                    node, transport);
        } catch (RuntimeException e) {
            store.directory().write(h -> h.attach(SiteDao.class).delete(dst.id().value()));
            throw e;
        }
        store.directory().write(h -> {
            h.attach(AssignmentDao.class).assign(dst.id().value(), node.value());
            return null;
        });
        return dst;
    }

    /**
     * A copy goes to a node that exists: one a deployment rule names as an indexer, or one that
     * runs a deployment now. Any other id is most likely a typo, and nothing would ever run the copy.
     */
    private void requireKnown(NodeId node) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        store.config().rules().forEach(r -> r.indexers().forEach(n -> known.add(n.value())));
        store.directory().assignedPerNode().keySet().forEach(n -> known.add(n.value()));
        if (!known.contains(node.value())) {
            throw new BadInputException("node '" + node + "' is unknown: no deployment rule names it and no deployment"
                    + " is assigned to it (known: " + String.join(", ", known) + "); use a known node or add it to a"
                    + " rule's indexers");
        }
    }

    /** Compares a copy with its source at their common block; see {@link io.graphstore.store.copy.Verifier}. */
    public io.graphstore.store.copy.VerifyReport verify(String dst) {
        return io.graphstore.store.copy.Verifier.verify(store, store.directory().resolveOne(dst));
    }

    /** Compares two copies of one deployment, each named as sgdN or HASH:SHARD. */
    public io.graphstore.store.copy.VerifyReport verify(String copy, String other) {
        return io.graphstore.store.copy.Verifier.verify(store, store.directory().resolveOne(copy),
                store.directory().resolveOne(other));
    }

    /** Every copy in every reachable shard. */
    public java.util.List<io.graphstore.store.copy.CopyInfo> list() {
        return listing().copies();
    }

    /** Every copy the reachable shards know, and the shards that could not be read. */
    public record Listing(java.util.List<io.graphstore.store.copy.CopyInfo> copies, java.util.List<String> unreadable) {
    }

    /** Who holds the run lock of copy {@code dst} now ("graph-store copy node default pid 42 since …"). */
    public java.util.Optional<String> runner(Site dst) {
        return io.graphstore.store.copy.CopySlots.holder(store.primary(), dst.id().value());
    }

    public Listing listing() {
        var inspector = new io.graphstore.store.copy.CopyInspector(store);
        var copies = inspector.all();
        return new Listing(copies, inspector.unreachable());
    }

    public io.graphstore.store.copy.CopyInfo status(String dst) {
        return new io.graphstore.store.copy.CopyInspector(store).of(store.directory().resolveOne(dst));
    }

    /**
     * Cancels a copy: marks it cancelled (a runner stops after its current batch) and unassigns
     * it, so the unused-deployment reaper removes it later. Cancelling twice is a no-op.
     */
    public io.graphstore.store.copy.CopyInfo cancel(String dstLocator) {
        Site dst = store.directory().resolveOne(dstLocator);
        var info = new io.graphstore.store.copy.CopyInspector(store).of(dst);
        if (info.finishedAt().isPresent()) {
            throw new BadInputException("copy " + dst.describe() + " has finished; nothing to cancel (unassign it to "
                    + "have it removed)");
        }
        store.require(dst.shard()).jdbi().useExtension(io.graphstore.store.copy.CopyDao.class,
                d -> d.markCancelled(dst.id().value()));
        store.directory().write(h -> {
            h.execute("update public.active_copies set cancelled_at = coalesce(cancelled_at, now()) where dst = ?",
                    dst.id().value());
            h.attach(AssignmentDao.class).unassign(dst.id().value());
            return null;
        });
        return new io.graphstore.store.copy.CopyInspector(store).of(dst);
    }

    /** Makes the copy of {@code hash} in {@code shard} the active one (reversible). */
    public Site activate(io.graphstore.store.domain.DeploymentHash hash, ShardName shard) {
        Site site = store.directory().sites(hash).stream().filter(s -> s.shard().equals(shard)).findFirst()
                .orElseThrow(() -> new BadInputException("deployment " + hash + " has no copy in shard '" + shard
                        + "'; see 'graphman info " + hash + "'"));
        var pool = store.require(shard);
        var state = pool.jdbi().withExtension(io.graphstore.store.copy.CopyDao.class, d -> d.state(site.id().value()));
        if (state.isPresent() && state.get().finishedAt() == null) {
            throw new BadInputException("copy " + site.describe() + " has not finished copying; activate it when "
                    + "'graphman copy list' shows it finished, or create it with --activate");
        }
        io.graphstore.store.copy.Activator.activate(store, site, false);
        return store.directory().site(site.id()).orElseThrow();
    }

    private Site recordSite(Site src, ShardName shard) {
        try {
            return store.directory().write(h -> {
                RemovalGuard.requireNotBeingRemoved(h, src);
                SiteDao sites = h.attach(SiteDao.class);
                int id = sites.nextId();
                sites.insert(id, src.hash().value(), shard.value(), src.network(), false);
                h.execute("insert into public.active_copies (src, dst) values (?, ?)", src.id().value(), id);
                return sites.byId(id).orElseThrow();
            });
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new BadInputException("shard '" + shard + "' already has a copy of " + src.hash()
                        + " (created by a concurrent request); a shard holds at most one copy of a deployment");
            }
            throw e;
        }
    }
}
