package io.graphstore.store.chain;

import io.graphstore.store.domain.ChainNamespace;
import io.graphstore.store.internal.Sql;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code blocks} table of one chain namespace in one shard, laid out as graph-node's
 * private chain storage lays it out (hash primary key, number, parent hash, data as jsonb),
 * plus a timestamp column. Every method runs on the caller's handle of that shard, so the
 * caller decides the transaction. The namespace comes from a validated
 * {@link ChainNamespace} and is quoted.
 */
public final class BlockTable {
    private static final HexFormat HEX = HexFormat.of();
    private static final String DIGEST_ROW = "encode(hash, 'hex') || ':' || number || ':' || encode(parent_hash, 'hex')"
            + " || ':' || (extract(epoch from \"timestamp\") * 1000000)::int8 || ':' || data::text";

    /** Row count, lowest and highest number, bytes (table, index and toast) of a blocks table. */
    public record Stats(long blocks, Optional<Long> earliest, Optional<Long> latest, long bytes) {
    }

    /** Row count and md5 over the rows of a number range, in (number, hash) order. */
    public record Digest(long blocks, String md5) {
    }

    private final ChainNamespace ns;
    private final String table;

    public BlockTable(ChainNamespace ns) {
        this.ns = ns;
        this.table = Sql.qualified(ns.value(), "blocks");
    }

    public ChainNamespace namespace() {
        return ns;
    }

    /** Creates the namespace and its table when missing; idempotent. */
    public void create(Handle h) {
        if (exists(h)) {
            return;
        }
        h.execute("create schema if not exists " + Sql.ident(ns.value()));
        h.execute("create table if not exists " + table + " ("
                + " hash bytea not null primary key,"
                + " number int8 not null,"
                + " parent_hash bytea not null,"
                + " \"timestamp\" timestamptz not null,"
                + " data jsonb not null)");
        h.execute("create index if not exists blocks_number on " + table + " (number)");
    }

    public boolean exists(Handle h) {
        return h.createQuery("select to_regclass(:t) is not null").bind("t", ns.value() + ".blocks")
                .mapTo(Boolean.class).one();
    }

    /** Inserts the blocks that are not there yet (by hash); returns how many were new. */
    public int insert(Handle h, List<Block> blocks) {
        if (blocks.isEmpty()) {
            return 0;
        }
        return h.createUpdate("insert into " + table + " (hash, number, parent_hash, \"timestamp\", data)"
                        + " select decode(b.h, 'hex'), b.n, decode(b.p, 'hex'),"
                        + " timestamptz 'epoch' + b.t * interval '1 microsecond', b.d::jsonb"
                        + " from unnest(:h, :n, :p, :t, :d) as b(h, n, p, t, d)"
                        + " on conflict (hash) do nothing")
                .bindArray("h", String.class, blocks.stream().map(b -> HEX.formatHex(b.hash())).toList())
                .bindArray("n", Long.class, blocks.stream().map(Block::number).toList())
                .bindArray("p", String.class, blocks.stream().map(b -> HEX.formatHex(b.parentHash())).toList())
                .bindArray("t", Long.class, blocks.stream().map(Block::timestampMicros).toList())
                .bindArray("d", String.class, blocks.stream().map(Block::data).toList())
                .execute();
    }

    /** The blocks numbered {@code from} to {@code to} (inclusive), by number and hash. */
    public List<Block> read(Handle h, long from, long to) {
        return h.createQuery("select hash, number, parent_hash, (extract(epoch from \"timestamp\") * 1000000)::int8,"
                        + " data::text from " + table + " where number between :a and :b order by number, hash")
                .bind("a", from).bind("b", to)
                .map((rs, ctx) -> new Block(rs.getBytes(1), rs.getLong(2), rs.getBytes(3), rs.getLong(4), rs.getString(5)))
                .list();
    }

    /** Deletes the blocks numbered {@code from} to {@code to}; a move repairs a range this way. */
    public int delete(Handle h, long from, long to) {
        return h.createUpdate("delete from " + table + " where number between :a and :b").bind("a", from).bind("b", to)
                .execute();
    }

    public Digest digest(Handle h, long from, long to) {
        return h.createQuery("select count(*), coalesce(md5(string_agg(" + DIGEST_ROW + ", ',' order by number, hash)), '')"
                        + " from " + table + " where number between :a and :b")
                .bind("a", from).bind("b", to)
                .map((rs, ctx) -> new Digest(rs.getLong(1), rs.getString(2))).one();
    }

    /** Exact statistics; zero blocks when the table does not exist (nothing was written yet). */
    public Stats stats(Handle h) {
        if (!exists(h)) {
            return new Stats(0, Optional.empty(), Optional.empty(), 0);
        }
        long bytes = h.createQuery("""
                select coalesce(sum(pg_total_relation_size(c.oid)), 0)::int8
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = :ns and c.relkind in ('r', 'm')""").bind("ns", ns.value()).mapTo(Long.class).one();
        return h.createQuery("select count(*), min(number), max(number) from " + table)
                .map((rs, ctx) -> new Stats(rs.getLong(1), Optional.ofNullable((Long) rs.getObject(2)),
                        Optional.ofNullable((Long) rs.getObject(3)), bytes)).one();
    }

    /** Highest block number stored, if any. */
    public Optional<Long> latest(Handle h) {
        if (!exists(h)) {
            return Optional.empty();
        }
        return h.createQuery("select max(number) from " + table)
                .map((rs, ctx) -> Optional.ofNullable((Long) rs.getObject(1))).one();
    }

    /** Drops the namespace with its tables; idempotent. */
    public void drop(Handle h) {
        h.execute("drop schema if exists " + Sql.ident(ns.value()) + " cascade");
    }
}
