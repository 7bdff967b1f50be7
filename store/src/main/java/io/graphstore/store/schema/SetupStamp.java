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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
        scripts().forEach((set, scripts) -> scripts.forEach((name, text) -> in.append(set.label()).append(' ')
                .append(name).append('\n').append(text).append('\n')));
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

    /**
     * Every script of every set on the classpath, by set and file name, sorted. A jar's entries
     * are walked once for all sets: graphman's jar holds some ten thousand.
     */
    static Map<MigrationSets, Map<String, String>> scripts() {
        Map<MigrationSets, Map<String, String>> sets = new EnumMap<>(MigrationSets.class);
        Map<String, Map<String, String>> byDir = new HashMap<>();
        Map<java.util.jar.JarFile, Boolean> jars = new LinkedHashMap<>();
        for (MigrationSets set : MigrationSets.values()) {
            String dir = set.location().substring("classpath:".length());
            Map<String, String> scripts = new TreeMap<>();
            sets.put(set, scripts);
            byDir.put(dir + "/", scripts);
            try {
                for (URL url : Collections.list(SetupStamp.class.getClassLoader().getResources(dir))) {
                    if ("jar".equals(url.getProtocol())) {
                        jars.put(((JarURLConnection) url.openConnection()).getJarFile(), true);
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
        }
        for (java.util.jar.JarFile jar : jars.keySet()) {
            try {
                for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                    var entry = entries.nextElement();
                    String name = entry.getName();
                    int slash = name.lastIndexOf('/');
                    Map<String, String> scripts = slash < 0 ? null : byDir.get(name.substring(0, slash + 1));
                    if (scripts != null && name.endsWith(".sql")) {
                        try (InputStream s = jar.getInputStream(entry)) {
                            scripts.put(name.substring(slash + 1), new String(s.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the migration scripts in " + jar.getName() + " failed", e);
            }
        }
        return sets;
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
