package io.graphstore.store.synthetic;

import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.chain.ChainIngest;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.shard.EntityChange;
import io.graphstore.store.shard.Head;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Writes {@code blocks} blocks after the head of a site, {@code changesPerBlock} changes
 * each: about 55% creates, 30% updates, 15% deletes, over every entity type of the schema
 * (only creates for immutable types, timeseries included). Values respect the schema: enums
 * take declared values, Timestamp fields the block's timestamp. Aggregation tables are never
 * written: every block is written with its {@link SyntheticChain#timestamp} (12 s apart), so
 * the store rolls the timeseries up into them each hour and day.
 * Every 50th block is followed by a revert of the last three blocks, which are then written
 * again with different content, the way a chain reorganization looks to an indexer (the
 * synthetic chain's hashes stay the same: only the deployment's data differs).
 */
public final class SyntheticIndexer {
    public static final int REORG_EVERY = 50;
    public static final int REORG_DEPTH = 3;
    /** Blocks written to the chain at once, ahead of the deployment (as a block ingestor runs ahead). */
    public static final int CHAIN_CHUNK = 100;

    private final DeploymentData data;
    private final long seed;
    private final int changesPerBlock;
    private long blocksWritten;
    private Optional<ChainIngest> chain = Optional.empty();

    public SyntheticIndexer(DeploymentData data, long seed, int changesPerBlock) {
        if (changesPerBlock < 1) {
            throw new io.graphstore.common.BadInputException("--changes-per-block " + changesPerBlock
                    + " is invalid; use 1 or more");
        }
        this.data = data;
        this.seed = seed;
        this.changesPerBlock = changesPerBlock;
    }

    /**
     * Also writes the synthetic chain's blocks into the chain's namespace (see
     * {@link SyntheticChain#blocks}), up to {@value #CHAIN_CHUNK} blocks ahead of the deployment.
     */
    public SyntheticIndexer withChain(ChainIngest chain) {
        this.chain = Optional.of(chain);
        return this;
    }

    /**
     * Writes the blocks, calling {@code progress} once with each new block number (blocks
     * written again after a revert are not reported twice); returns the head.
     */
    public Head run(int blocks, IntConsumer progress) {
        Head head = data.head();
        int start = head.number().map(n -> n + 1).orElse(head.earliestBlock());
        int end = start + blocks;
        Set<Integer> reorged = new HashSet<>();
        Map<Integer, Integer> variant = new LinkedHashMap<>();
        int b = start;
        int reported = start - 1;
        blocksWritten = 0;
        int chainWritten = start - 1;
        while (b < end) {
            if (chain.isPresent() && b > chainWritten) {
                int to = Math.min(end - 1, b + CHAIN_CHUNK - 1);
                chain.get().write(SyntheticChain.blocks(b, to));
                chainWritten = to;
            }
            head = data.transact(SyntheticChain.block(b), SyntheticChain.timestamp(b),
                    changes(start, b, variant.getOrDefault(b, 0)));
            blocksWritten++;
            if (b % REORG_EVERY == REORG_EVERY - 1 && b - REORG_DEPTH >= start && reorged.add(b)) {
                head = data.revert(SyntheticChain.block(b - REORG_DEPTH));
                for (int redo = b - REORG_DEPTH + 1; redo <= b; redo++) {
                    variant.merge(redo, 1, Integer::sum);
                }
                b = b - REORG_DEPTH + 1;
                continue;
            }
            if (b > reported) {
                progress.accept(b);
                reported = b;
            }
            b++;
        }
        return head;
    }

    /** Blocks the last {@link #run} wrote, counting those written again after a reorg. */
    public long blocksWritten() {
        return blocksWritten;
    }

    /** Changes the last {@link #run} wrote (blocks written times changes per block). */
    public long changesWritten() {
        return blocksWritten * changesPerBlock;
    }

    /** The changes of one block; a pure function of seed, start, block and variant. */
    List<EntityChange> changes(int start, int block, int variant) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + block * 31L + variant);
        List<EntityTable> tables = data.layout().tables().stream()
                .filter(t -> data.layout().aggregationOf(t.entityType()).isEmpty()).toList();
        List<EntityChange> changes = new ArrayList<>(changesPerBlock);
        ValueGenerator.ReferencePicker refs = (type, r) -> data.layout().table(type)
                .map(t -> ValueGenerator.id(t, earlier(start, block, r), r.nextInt(changesPerBlock))).orElse(null);
        for (int i = 0; i < changesPerBlock; i++) {
            EntityTable table = tables.get(rng.nextInt(tables.size()));
            // an immutable entity is only ever created: never updated or deleted
            int op = table.immutable() ? 0 : rng.nextInt(100);
            String id = op < 55 || block == start ? ValueGenerator.id(table, block, i)
                    : ValueGenerator.id(table, earlier(start, block, rng), rng.nextInt(changesPerBlock));
            if (op >= 85 && block > start) {
                changes.add(EntityChange.delete(table.entityType(), id));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column c : table.columns()) {
                values.put(c.field(), ValueGenerator.value(c, rng, block, refs));
            }
            changes.add(EntityChange.set(table.entityType(), id, values));
        }
        return changes;
    }

    private static int earlier(int start, int block, SplittableRandom rng) {
        return block <= start ? start : start + rng.nextInt(block - start);
    }
}
