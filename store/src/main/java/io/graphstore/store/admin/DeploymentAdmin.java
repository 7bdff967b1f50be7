package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.DeploymentRule;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.layout.Layout;
import io.graphstore.store.placement.Choice;
import io.graphstore.store.placement.Placement;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.ChainDao;
import io.graphstore.store.primary.Directory;
import io.graphstore.store.primary.RemovalGuard;
import io.graphstore.store.primary.SiteDao;
import io.graphstore.store.primary.SubgraphDao;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deploying and removing deployments and names. A deploy writes the site to the primary,
 * then the namespace and tables to the chosen shard, then the name, version and assignment
 * to the primary. If the shard step fails the site row is removed again; if the process dies
 * between steps, running the same deploy again completes it.
 */
public final class DeploymentAdmin {
    private final ShardedStore store;
    private final Directory directory;

    public DeploymentAdmin(ShardedStore store) {
        this.store = store;
        this.directory = store.directory();
    }

    public DeployResult deploy(DeployRequest req) {
        String network = Networks.validate(store.config(), req.network().orElse(Networks.DEFAULT));
        Layout layout = Layout.parse(req.schema(), req.schemaSource());
        List<Site> existing = directory.sites(req.hash());
        if (!existing.isEmpty()) {
            return complete(req, layout, network, existing.get(0));
        }
        PlacementPreview placed = preview(req.name(), network);
        ShardName shard = ShardName.of(placed.shard().winner());
        store.require(shard);
        NodeId node = req.node().orElse(NodeId.of(placed.node().winner()));
        ShardName chainShard = Networks.shardOf(store.config(), network);
        Site site = directory.write(h -> {
            SiteDao sites = h.attach(SiteDao.class);
            int id = sites.nextId();
            sites.insert(id, req.hash().value(), shard.value(), network, true);
            h.attach(ChainDao.class).ensure(network, chainShard.value());
            return sites.byId(id).orElseThrow();
        });
        try {
            store.deployments().create(site, layout, req.schema(), 0);
        } catch (RuntimeException e) {
            directory.write(h -> h.attach(SiteDao.class).delete(site.id().value()));
            throw e;
        }
        nameAndAssign(req.name(), site, node);
        String why = "shard " + shard + ": " + placed.shard().reason() + "; node " + node + ": "
                + (req.node().isPresent() ? "given with --node" : placed.node().reason());
        return new DeployResult(site, node, true, Optional.of(why));
    }

    /** The deployment exists: finish whatever an earlier deploy left undone, or refuse a duplicate. */
    private DeployResult complete(DeployRequest req, Layout layout, String network, Site site) {
        if (!site.network().equals(network)) {
            throw new BadInputException("deployment " + req.hash() + " already exists on network '" + site.network()
                    + "', not '" + network + "'; deploy it with --network " + site.network());
        }
        directory.write(h -> {
            RemovalGuard.requireNotBeingRemoved(h, site);
            return null;
        });
        if (!store.deployments().exists(site)) {
            store.deployments().create(site, layout, req.schema(), 0);
        } else if (!store.deployments().schema(site).map(String::strip).orElse("").equals(req.schema().strip())) {
            throw new BadInputException("deployment " + req.hash() + " already exists with a different schema; "
                    + "a hash always has one schema, so check the hash or the --schema file");
        }
        Optional<AssignmentDao.Row> assignment = directory.assignment(site.id());
        boolean current = directory.namesFor(req.hash()).stream()
                .anyMatch(r -> r.name().equals(req.name().value()) && r.status().equals("current"));
        if (current && assignment.isPresent()) {
            throw new BadInputException("deployment " + req.hash() + " is already deployed as '" + req.name() + "' ("
                    + site.describe() + ", node " + assignment.get().nodeId() + "); nothing to do");
        }
        NodeId node = req.node().or(() -> assignment.map(a -> NodeId.of(a.nodeId())))
                .orElseGet(() -> NodeId.of(preview(req.name(), network).node().winner()));
        nameAndAssign(req.name(), site, node);
        return new DeployResult(site, node, false, Optional.empty());
    }

    private void nameAndAssign(SubgraphName name, Site site, NodeId node) {
        directory.write(h -> {
            SubgraphDao names = h.attach(SubgraphDao.class);
            String subgraphId = names.byName(name.value()).map(SubgraphDao.NameRow::id).orElseGet(() -> {
                String id = newId();
                names.insertName(id, name.value());
                return id;
            });
            String versionId = newId();
            names.insertVersion(versionId, subgraphId, site.hash().value());
            names.setCurrent(subgraphId, versionId);
            RemovalGuard.requireNotBeingRemoved(h, site);
            AssignmentDao assignments = h.attach(AssignmentDao.class);
            if (assignments.byId(site.id().value()).isEmpty()) {
                assignments.assign(site.id().value(), node.value());
            }
            return null;
        });
    }

    /** Which rule, shard and node a new deployment of {@code name} on {@code network} gets now. */
    public PlacementPreview preview(SubgraphName name, String network) {
        DeploymentRule rule = store.config().ruleFor(name.value(), network);
        Map<String, Long> perShard = new LinkedHashMap<>();
        directory.assignedPerShard().forEach((k, v) -> perShard.put(k.value(), v));
        Map<String, Long> perNode = new LinkedHashMap<>();
        directory.assignedPerNode().forEach((k, v) -> perNode.put(k.value(), v));
        Map<String, String> cordoned = new LinkedHashMap<>();
        directory.cordons().forEach((k, c) -> cordoned.put(k.value(), "is cordoned (" + c.reason() + ")"));
        List<String> shards = rule.shards().stream().map(ShardName::value).toList();
        Choice shard = Placement.choose(rule.strategy(), name.value(), shards, perShard, cordoned)
                .orElseThrow(() -> new io.graphstore.common.StoreException("every shard of deployment rule "
                        + rule.describe() + " is cordoned (" + String.join(", ", shards) + "); uncordon one with"
                        + " 'graphman shard uncordon SHARD' or add a shard to the rule"));
        Choice node = Placement.choose(rule.strategy(), name.value(),
                rule.indexers().stream().map(NodeId::value).toList(), perNode);
        return new PlacementPreview(rule, shard, node);
    }

    public void createName(SubgraphName name) {
        if (directory.subgraph(name).isPresent()) {
            throw new BadInputException("subgraph name '" + name + "' already exists; choose another name");
        }
        directory.write(h -> {
            h.attach(SubgraphDao.class).insertName(newId(), name.value());
            return null;
        });
    }

    /** Removes the name and its versions; the deployments stay (unassign them to have them reaped). */
    public void removeName(SubgraphName name) {
        int removed = directory.write(h -> h.attach(SubgraphDao.class).deleteName(name.value()));
        if (removed == 0) {
            throw new BadInputException("subgraph name '" + name + "' does not exist; see 'graphman info'");
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

}
