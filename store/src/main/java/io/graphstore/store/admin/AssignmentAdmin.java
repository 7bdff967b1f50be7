package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.Directory;
import io.graphstore.store.primary.RemovalGuard;
import java.util.Optional;

/** Which node runs a site: reassign, unassign, pause, resume. Writes the primary only. */
public final class AssignmentAdmin {
    /** What a command changed: the site, the node before and after, and whether anything changed. */
    public record Change(Site site, Optional<String> before, Optional<String> after, boolean changed) {
    }

    private final Directory directory;

    public AssignmentAdmin(ShardedStore store) {
        this.directory = store.directory();
    }

    public Change reassign(String locator, NodeId node) {
        Site site = directory.resolveOne(locator);
        Optional<String> before = directory.assignment(site.id()).map(AssignmentDao.Row::nodeId);
        directory.write(h -> {
            RemovalGuard.requireNotBeingRemoved(h, site);
            h.attach(AssignmentDao.class).assign(site.id().value(), node.value());
            return null;
        });
        return new Change(site, before, Optional.of(node.value()), !before.equals(Optional.of(node.value())));
    }

    public Change unassign(String locator) {
        Site site = directory.resolveOne(locator);
        Optional<String> before = directory.assignment(site.id()).map(AssignmentDao.Row::nodeId);
        if (before.isEmpty()) {
            throw new BadInputException("deployment " + site.describe()
                    + " is not assigned to any node; nothing to unassign");
        }
        directory.write(h -> h.attach(AssignmentDao.class).unassign(site.id().value()));
        return new Change(site, before, Optional.empty(), true);
    }

    public Change pause(String locator) {
        Site site = assigned(locator);
        int n = directory.write(h -> h.attach(AssignmentDao.class).pause(site.id().value()));
        String node = directory.assignment(site.id()).map(AssignmentDao.Row::nodeId).orElse("?");
        return new Change(site, Optional.of(node), Optional.of(node), n > 0);
    }

    public Change resume(String locator) {
        Site site = assigned(locator);
        int n = directory.write(h -> h.attach(AssignmentDao.class).resume(site.id().value()));
        String node = directory.assignment(site.id()).map(AssignmentDao.Row::nodeId).orElse("?");
        return new Change(site, Optional.of(node), Optional.of(node), n > 0);
    }

    private Site assigned(String locator) {
        Site site = directory.resolveOne(locator);
        if (directory.assignment(site.id()).isEmpty()) {
            throw new BadInputException("deployment " + site.describe()
                    + " is not assigned to any node; assign it with 'graphman reassign " + locator + " NODE'");
        }
        return site;
    }
}
