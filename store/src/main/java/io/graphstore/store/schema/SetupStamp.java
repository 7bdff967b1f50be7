package io.graphstore.store.schema;

import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.ConnectionInfo;
import io.graphstore.migrations.MigrationSets;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The cheap check that lets an open skip setup already done. The stamp is a SHA-256 digest of
 * everything the setup of a database is made from: the migration scripts of both sets (names
 * and contents), every configured shard with this node's use of it and its connection, the
 * connect timeout (part of the foreign servers' options) and {@link #GENERATION}. A complete
 * setup writes it into every database ({@code public.setup_stamp}); {@link #isCurrent} reads
 * it back in one query that also counts the database's foreign servers, user mappings and
 * mapped schemas, so a mapping dropped by hand is noticed too.
 */
public final class SetupStamp {
    /** Bump when the fdw wiring or the dashboard views change in a way existing databases need. */
    static final int GENERATION = 1;

    private final Map<ShardName, ShardPool> pools;
    private final String stamp;

    public SetupStamp(Config config, StoreOptions options, Map<ShardName, ShardPool> pools) {
        this.pools = pools;
        StringBuilder in = new StringBuilder("graph-store setup generation " + GENERATION + "\n");
        in.append("mapped ").append(MappedTables.primarySchemaTables()).append(MappedTables.shardSchemaTables())
                .append('\n');
        in.append("connect timeout ").append(options.connectTimeout().toMillis()).append('\n');
        for (ShardName shard : config.shardNames()) {
            ConnectionInfo c = config.store(shard).orElseThrow().connection();
            in.append("shard ").append(shard).append(pools.containsKey(shard) ? " used " : " ignored ")
                    .append(c.host()).append(':').append(c.port()).append('/').append(c.database()).append(' ')
                    .append(c.user()).append(' ').append(c.password().reveal()).append('\n');
        }
        for (MigrationSets set : MigrationSets.values()) {
            scripts(set).forEach((name, text) -> in.append(set.label()).append(' ').append(name).append('\n')
                    .append(text).append('\n'));
        }
        this.stamp = sha256(in.toString());
    }

    /** The digest this process expects in every database. */
    public String value() {
        return stamp;
    }

    /**
     * Whether {@code shard}'s database carries this stamp and all of its wiring: one query.
     * False when the stamp differs or is missing (a database never set up, or set up before
     * the stamp existed); a shard that cannot be reached is a {@link ShardUnavailableException}.
     */
    public boolean isCurrent(ShardName shard) {
        List<String> servers = new ArrayList<>();
        List<String> schemas = new ArrayList<>(List.of(MappedTables.PRIMARY_SCHEMA, "sharded", "info"));
        for (ShardName other : pools.keySet()) {
            if (!other.equals(shard)) {
                servers.add(MappedTables.server(other));
                schemas.add(MappedTables.shardSchema(other));
            }
        }
        ShardPool pool = pools.get(shard);
        try {
            return pool.withHandle(h -> h.createQuery("""
                    select s.stamp = :stamp
                       and (select count(*) from pg_foreign_server where srvname = any(:servers)) = :nservers
                       and (select count(*) from pg_user_mappings
                             where usename = current_user and srvname = any(:servers)) = :nservers
                       and (select count(*) from pg_namespace where nspname = any(:schemas)) = :nschemas
                      from public.setup_stamp s""")
                    .bind("stamp", stamp)
                    .bind("servers", servers.toArray(String[]::new)).bind("nservers", servers.size())
                    .bind("schemas", schemas.toArray(String[]::new)).bind("nschemas", schemas.size())
                    .mapTo(Boolean.class).findOne().orElse(false));
        } catch (ShardUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ShardPool.isConnectionFailure(e)) {
                throw pool.translate(e);
            }
            return false; // no stamp table yet: the setup creates it
        }
    }

    /** Records this stamp in every database of {@code shards} after a complete setup. */
    public void write(Iterable<ShardName> shards) {
        for (ShardName shard : shards) {
            try {
                pools.get(shard).withHandle(h -> h.createUpdate("""
                        insert into public.setup_stamp (stamp) values (:stamp)
                        on conflict (one) do update set stamp = excluded.stamp, set_up_at = now()""")
                        .bind("stamp", stamp).execute());
            } catch (RuntimeException e) {
                // without its stamp the database is set up again by the next open
            }
        }
    }

    /** Removes the stamp from every reachable database, so the next open sets everything up. */
    public void clear(Iterable<ShardName> shards) {
        for (ShardName shard : shards) {
            try {
                pools.get(shard).withHandle(h -> h.execute("delete from public.setup_stamp"));
            } catch (RuntimeException e) {
                // a shard that is down or not migrated yet has no current stamp to clear
            }
        }
    }

    /** Every script of {@code set} on the classpath, by file name, sorted. */
    static Map<String, String> scripts(MigrationSets set) {
        String dir = set.location().substring("classpath:".length());
        Map<String, String> scripts = new TreeMap<>();
        try {
            for (URL url : Collections.list(SetupStamp.class.getClassLoader().getResources(dir))) {
                if ("jar".equals(url.getProtocol())) {
                    var jar = ((JarURLConnection) url.openConnection()).getJarFile();
                    for (var entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(dir + "/") && name.endsWith(".sql") && name.indexOf('/', dir.length() + 1) < 0) {
                            try (InputStream s = jar.getInputStream(entry)) {
                                scripts.put(name.substring(dir.length() + 1), new String(s.readAllBytes(),
                                        StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        for (Path p : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                            scripts.put(p.getFileName().toString(), Files.readString(p));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the migration scripts of set '" + set.label() + "' failed", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return scripts;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
