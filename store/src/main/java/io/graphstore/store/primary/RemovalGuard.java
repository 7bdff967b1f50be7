package io.graphstore.store.primary;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Site;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Refuses to assign, deploy, copy or activate a site whose removal as unused has begun
 * ({@code unused_deployments.removal_started_at}): its data may be gone already, and the
 * next {@code unused remove} finishes it. Called inside the directory transaction that makes
 * the change, first: the key-share lock on the site's row waits for a removal that is marking
 * it right now, so the check sees that mark, and the removal sees this change if it came first.
 */
public final class RemovalGuard {
    private RemovalGuard() {
    }

    public static void requireNotBeingRemoved(Handle h, Site site) {
        h.createQuery("select id from public.deployment_schemas where id = :id for key share")
                .bind("id", site.id().value()).mapTo(Integer.class).findOne();
        Optional<OffsetDateTime> since = h.createQuery("""
                        select removal_started_at from public.unused_deployments
                         where id = :id and removed_at is null and removal_started_at is not null""")
                .bind("id", site.id().value()).mapTo(OffsetDateTime.class).findOne();
        if (since.isPresent()) {
            throw new BadInputException("deployment " + site.describe() + " is being removed as unused (since "
                    + since.get().withNano(0) + "); finish that with 'graphman unused remove --deployment " + site.hash()
                    + "', then deploy it again");
        }
    }
}
