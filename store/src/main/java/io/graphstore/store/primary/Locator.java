package io.graphstore.store.primary;

import io.graphstore.common.BadInputException;
import io.graphstore.common.ShardName;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import java.util.List;

/** Turns what a user typed for DEPLOYMENT into sites; every miss is bad input naming the value. */
final class Locator {
    private final Directory directory;

    Locator(Directory directory) {
        this.directory = directory;
    }

    List<Site> resolve(String locator) {
        if (locator == null || locator.isBlank()) {
            throw new BadInputException("deployment '' is empty; give a hash, HASH:SHARD, sgdN or a subgraph name");
        }
        int colon = locator.indexOf(':');
        if (colon > 0 && DeploymentHash.looksLike(locator.substring(0, colon))) {
            DeploymentHash hash = DeploymentHash.of(locator.substring(0, colon));
            ShardName shard = ShardName.of(locator.substring(colon + 1));
            List<Site> sites = directory.sites(hash).stream().filter(s -> s.shard().equals(shard)).toList();
            if (sites.isEmpty()) {
                throw notFound(locator, "no copy of " + hash + " in shard '" + shard + "'");
            }
            return sites;
        }
        if (DeploymentHash.looksLike(locator)) {
            List<Site> sites = directory.sites(DeploymentHash.of(locator));
            if (sites.isEmpty()) {
                throw notFound(locator, "no deployment with that hash");
            }
            return sites;
        }
        if (Namespace.looksLike(locator)) {
            return List.of(directory.site(Namespace.parse(locator).id())
                    .orElseThrow(() -> notFound(locator, "no site with that namespace")));
        }
        if (locator.startsWith("Qm")) {
            DeploymentHash.of(locator); // throws the precise hash error
        }
        SubgraphName name = SubgraphName.of(locator);
        SubgraphDao.NameRow row = directory.subgraph(name)
                .orElseThrow(() -> notFound(locator, "no subgraph with that name"));
        String hash = row.current() != null ? row.current() : row.pending();
        if (hash == null) {
            throw notFound(locator, "the subgraph has no deployed version");
        }
        return List.of(directory.activeSite(DeploymentHash.of(hash))
                .orElseThrow(() -> notFound(locator, "its version " + hash + " has no active copy")));
    }

    private BadInputException notFound(String locator, String why) {
        String mirror = directory.lastMirror().map(m -> "; the primary is unreachable and this answer came from "
                + m.describe() + ", which may be missing newer changes").orElse("");
        return new BadInputException("deployment '" + locator + "' not found: " + why + mirror
                + "; see 'graphman info' for what exists");
    }
}
