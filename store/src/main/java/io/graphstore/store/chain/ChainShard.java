package io.graphstore.store.chain;

import io.graphstore.common.StoreException;
import io.graphstore.store.pool.Failures;
import io.graphstore.store.pool.ShardPool;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs chain work in one transaction of a shard. A database error comes out as a
 * {@link StoreException} naming the chain and the shard (a down shard as the pool's
 * {@code ShardUnavailableException}), never as a bare Jdbi exception: chain work often runs
 * inside a primary transaction, whose error handling would otherwise blame the primary.
 */
final class ChainShard {
    private ChainShard() {
    }

    static <T> T inTransaction(ShardPool pool, String chain, HandleCallback<T, RuntimeException> work) {
        try {
            return pool.jdbi().inTransaction(work);
        } catch (JdbiException e) {
            RuntimeException t = pool.translate(e);
            if (t instanceof StoreException) {
                throw t;
            }
            throw new StoreException("chain '" + chain + "' in shard '" + pool.shard() + "': "
                    + Failures.describe(e).orElse(String.valueOf(e.getMessage())), e);
        }
    }
}
