package io.graphstore.store.rebalance;

import io.graphstore.common.ShardName;
import io.graphstore.store.primary.Directory;
import io.graphstore.store.domain.DeploymentHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code public.shard_moves} in the primary: queues moves, claims them, and records how far each
 * got. Every write is one statement whose {@code where} clause checks the state it expects, so
 * two processes (or a stop beside a run) never move one row two ways.
 */
public final class MoveLog {
    private static final String COLUMNS = "id, batch, kind, drained, deployment, name, src, src_shard, dst_shard, dst,"
            + " node_id, unassign_after, bytes, why, state, error, created_at, started_at, finished_at";
    private static final String OPEN = "state in ('planned', 'copying', 'failed')";

    /** A move to queue. */
    public record Queued(DeploymentHash deployment, String name, int src, ShardName from, ShardName to, String node,
            boolean unassignAfter, long bytes, String why) {
    }

    private final Directory directory;

    public MoveLog(Directory directory) {
        this.directory = directory;
    }

    /**
     * Queues {@code moves} as one new batch; a deployment that has an open move already keeps
     * that one. Returns the batch number and the moves it holds.
     */
    public List<ShardMove> queue(ShardMove.Kind kind, Optional<ShardName> drained, List<Queued> moves) {
        return directory.write(h -> {
            h.execute("lock table public.shard_moves in share row exclusive mode");
            int batch = h.createQuery("select coalesce(max(batch), 0) + 1 from public.shard_moves").mapTo(Integer.class)
                    .one();
            for (Queued q : moves) {
                h.createUpdate("""
                        insert into public.shard_moves (batch, kind, drained, deployment, name, src, src_shard,
                                                        dst_shard, node_id, unassign_after, bytes, why, state)
                        values (:batch, :kind, :drained, :deployment, :name, :src, :from, :to, :node, :unassign,
                                :bytes, :why, 'planned')
                        on conflict (deployment) where state in ('planned', 'copying', 'failed') do nothing""")
                        .bind("batch", batch).bind("kind", kind.label())
                        .bind("drained", drained.map(ShardName::value).orElse(null))
                        .bind("deployment", q.deployment().value()).bind("name", q.name()).bind("src", q.src())
                        .bind("from", q.from().value()).bind("to", q.to().value()).bind("node", q.node())
                        .bind("unassign", q.unassignAfter()).bind("bytes", q.bytes()).bind("why", q.why()).execute();
            }
            return h.createQuery("select " + COLUMNS + " from public.shard_moves where batch = :batch order by id")
                    .bind("batch", batch).map((rs, ctx) -> row(rs)).list();
        });
    }

    /** Open moves of {@code kind} (for a drain: of that shard), oldest first. */
    public List<ShardMove> open(ShardMove.Kind kind, Optional<ShardName> drained) {
        return read("select " + COLUMNS + " from public.shard_moves where " + OPEN + " and kind = :kind"
                + " and drained is not distinct from :drained order by id", kind, drained);
    }

    /** Every open move, of any kind. */
    public List<ShardMove> allOpen() {
        return directory.readPrimary(h -> h.createQuery("select " + COLUMNS + " from public.shard_moves where " + OPEN
                + " order by id").map((rs, ctx) -> row(rs)).list());
    }

    /**
     * What {@code --status} shows: the latest batch of {@code kind} (for a drain: of that shard)
     * and every older move of it that is still open.
     */
    public List<ShardMove> latest(ShardMove.Kind kind, Optional<ShardName> drained) {
        return read("select " + COLUMNS + " from public.shard_moves m where kind = :kind"
                + " and drained is not distinct from :drained and (" + OPEN + " or batch = (select max(batch)"
                + " from public.shard_moves where kind = :kind and drained is not distinct from :drained))"
                + " order by id", kind, drained);
    }

    public Optional<ShardMove> byId(int id) {
        return directory.readPrimary(h -> h.createQuery("select " + COLUMNS + " from public.shard_moves where id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    /** Planned or failed to copying; false when the move is no longer open (stopped, or done meanwhile). */
    boolean claim(int id) {
        return update(h -> h.createUpdate("update public.shard_moves set state = 'copying', error = null,"
                + " started_at = coalesce(started_at, now()) where id = :id and " + OPEN).bind("id", id).execute());
    }

    /** Records the copy a move created (or adopted). */
    boolean created(int id, int dst) {
        return update(h -> h.createUpdate("update public.shard_moves set dst = :dst where id = :id and " + OPEN)
                .bind("id", id).bind("dst", dst).execute());
    }

    boolean done(int id) {
        return update(h -> h.createUpdate("update public.shard_moves set state = 'done', error = null,"
                + " finished_at = now() where id = :id and " + OPEN).bind("id", id).execute());
    }

    boolean failed(int id, String error) {
        return update(h -> h.createUpdate("update public.shard_moves set state = 'failed', error = :error"
                + " where id = :id and " + OPEN).bind("id", id).bind("error", error).execute());
    }

    public boolean stopped(int id, String why) {
        return update(h -> h.createUpdate("update public.shard_moves set state = 'stopped', error = :why,"
                + " finished_at = now() where id = :id and " + OPEN).bind("id", id).bind("why", why).execute());
    }

    /** Stops the open moves of {@code kind} that have no copy yet; returns them. */
    public List<ShardMove> stopUnstarted(ShardMove.Kind kind, String why) {
        return directory.write(h -> h.createQuery("update public.shard_moves set state = 'stopped', error = :why,"
                + " finished_at = now() where kind = :kind and dst is null and " + OPEN + " returning " + COLUMNS)
                .bind("kind", kind.label()).bind("why", why).map((rs, ctx) -> row(rs)).list());
    }

    private boolean update(java.util.function.Function<Handle, Integer> work) {
        return directory.write(work) > 0;
    }

    private List<ShardMove> read(String sql, ShardMove.Kind kind, Optional<ShardName> drained) {
        return directory.readPrimary(h -> h.createQuery(sql).bind("kind", kind.label())
                .bind("drained", drained.map(ShardName::value).orElse(null)).map((rs, ctx) -> row(rs)).list());
    }

    private static ShardMove row(ResultSet rs) throws SQLException {
        int dst = rs.getInt("dst");
        Optional<Integer> copy = rs.wasNull() ? Optional.empty() : Optional.of(dst);
        return new ShardMove(rs.getInt("id"), rs.getInt("batch"), ShardMove.Kind.of(rs.getString("kind")),
                Optional.ofNullable(rs.getString("drained")).map(ShardName::of),
                DeploymentHash.of(rs.getString("deployment")), rs.getString("name"), rs.getInt("src"),
                ShardName.of(rs.getString("src_shard")), ShardName.of(rs.getString("dst_shard")), copy,
                rs.getString("node_id"), rs.getBoolean("unassign_after"), rs.getLong("bytes"), rs.getString("why"),
                ShardMove.State.of(rs.getString("state")), Optional.ofNullable(rs.getString("error")),
                rs.getObject("created_at", OffsetDateTime.class),
                Optional.ofNullable(rs.getObject("started_at", OffsetDateTime.class)),
                Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)));
    }
}
