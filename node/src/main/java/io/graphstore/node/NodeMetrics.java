package io.graphstore.node;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ShardStatus;
import io.graphstore.store.admin.TopologyAdmin;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.domain.Site;
import io.graphstore.store.mirror.MirrorService;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardRequests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The node's metrics in a Micrometer Prometheus registry; names and labels are listed in
 * {@code docs/metrics.md} and stay stable. Live values (requests, breakers, pools) are read
 * from the store when scraped; values that need the database (heads, copies, mirror ages) come
 * from the last {@link NodeStatus}, so a scrape never waits on a shard.
 */
final class NodeMetrics implements NodeEvents {
    private static final String[] BREAKER_STATES = {"closed", "open", "half_open"};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer pickupLag;
    private final Counter unusedRecorded;
    private final Counter unusedRemoved;
    private final MultiGauge headBlock;
    private final MultiGauge entityCount;
    private final MultiGauge copyRows;
    private final MultiGauge copyRatio;
    private final MultiGauge copyRate;
    private final MultiGauge copies;
    private final MultiGauge mirrorAge;
    private final Map<Integer, Sample> lastRows = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    private record Sample(long rows, Instant at, double rate) {
    }

    NodeMetrics(ShardedStore store, MirrorService mirror, BooleanSupplier draining) {
        for (ShardName shard : store.shards()) {
            store.pool(shard).ifPresent(pool -> bindShard(pool, mirror));
        }
        Gauge.builder("graphstore_node_draining", () -> draining.getAsBoolean() ? 1 : 0)
                .description("1 while the node drains or is drained, else 0").register(registry);
        pickupLag = Timer.builder("graphstore_node_pickup_lag")
                .description("from a directory change to the node acting on it").publishPercentiles(0.5, 0.95)
                .register(registry);
        unusedRecorded = Counter.builder("graphstore_unused_recorded").description("deployments recorded as unused")
                .register(registry);
        unusedRemoved = Counter.builder("graphstore_unused_removed").description("unused deployments removed")
                .register(registry);
        headBlock = multi("graphstore_deployment_head_block", "the deployment copy's head block");
        entityCount = multi("graphstore_deployment_entity_count", "entities in the deployment copy at its head");
        copyRows = multi("graphstore_copy_rows_copied", "rows the copy has copied");
        copyRatio = multi("graphstore_copy_progress_ratio", "rows copied / rows to copy, 0 to 1");
        copyRate = multi("graphstore_copy_rows_per_second", "rows copied per second between the last two samples");
        copies = multi("graphstore_copies", "copies by state");
        Gauge.builder("graphstore_copies_running", running, java.util.concurrent.atomic.AtomicInteger::get)
                .description("copies a runner holds now, on any node").register(registry);
        mirrorAge = multi("graphstore_mirror_age_seconds", "age of the shard's copy of the directory");
    }

    private MultiGauge multi(String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private void bindShard(ShardPool pool, MirrorService mirror) {
        Tags shard = Tags.of("shard", pool.shard().value());
        Gauge.builder("graphstore_shard_up", pool, p -> p.requests().up() && !p.breaker().isOpen() ? 1 : 0)
                .tags(shard).description("1 when the latest probe or connection attempt reached the shard")
                .register(registry);
        for (ShardRequests.Outcome outcome : ShardRequests.Outcome.values()) {
            FunctionCounter.builder("graphstore_shard_requests", pool, p -> p.requests().total(outcome))
                    .tags(shard.and("outcome", outcome.label())).description("requests to the shard by outcome")
                    .register(registry);
        }
        for (String state : BREAKER_STATES) {
            Gauge.builder("graphstore_shard_breaker_state", pool,
                    p -> p.breaker().state().name().toLowerCase(Locale.ROOT).equals(state) ? 1 : 0)
                    .tags(shard.and("state", state)).description("1 for the state the shard's circuit breaker is in")
                    .register(registry);
        }
        bindPool(shard.and("pool", "main"), pool.hikari());
        bindPool(shard.and("pool", "fdw"), pool.fdwDataSource());
        if (!pool.shard().isPrimary()) {
            FunctionCounter.builder("graphstore_mirror_refresh_failures", mirror, m -> m.failures(pool.shard()))
                    .tags(shard).description("failed refreshes of the shard's mirror").register(registry);
        }
    }

    private void bindPool(Tags tags, com.zaxxer.hikari.HikariDataSource ds) {
        Map<String, java.util.function.ToIntFunction<com.zaxxer.hikari.HikariPoolMXBean>> states = Map.of(
                "active", com.zaxxer.hikari.HikariPoolMXBean::getActiveConnections,
                "idle", com.zaxxer.hikari.HikariPoolMXBean::getIdleConnections,
                "waiting", com.zaxxer.hikari.HikariPoolMXBean::getThreadsAwaitingConnection);
        states.forEach((state, read) -> Gauge.builder("graphstore_pool_connections", ds, d -> {
            var mx = d.getHikariPoolMXBean();
            return mx == null ? 0 : read.applyAsInt(mx);
        }).tags(tags.and("state", state)).description("connections of the pool by state").register(registry));
        Gauge.builder("graphstore_pool_max_connections", ds, d -> d.getMaximumPoolSize()).tags(tags)
                .description("the pool's maximum size").register(registry);
    }

    /** Takes the values that come from the last status round. */
    void update(NodeStatus status) {
        List<MultiGauge.Row<?>> heads = new ArrayList<>();
        List<MultiGauge.Row<?>> entities = new ArrayList<>();
        for (TopologyAdmin.Head h : status.heads()) {
            Tags tags = deploymentTags(h.site());
            h.block().ifPresent(b -> heads.add(MultiGauge.Row.of(tags, b)));
            entities.add(MultiGauge.Row.of(tags, h.entityCount()));
        }
        headBlock.register(heads, true);
        entityCount.register(entities, true);
        copyGauges(status);
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        for (ShardStatus s : status.shards()) {
            s.mirrorAge().ifPresent(a -> ages.add(MultiGauge.Row.of(Tags.of("shard", s.shard().value()),
                    a.toMillis() / 1000.0)));
        }
        mirrorAge.register(ages, true);
    }

    private void copyGauges(NodeStatus status) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        List<MultiGauge.Row<?>> ratios = new ArrayList<>();
        List<MultiGauge.Row<?>> rates = new ArrayList<>();
        Map<String, Integer> byState = new HashMap<>(Map.of("queued", 0));
        int runningNow = 0;
        Map<Integer, Sample> seen = new HashMap<>();
        for (CopyInfo c : status.copies().copies()) {
            byState.merge(c.state(), 1, Integer::sum);
            if (c.running()) {
                runningNow++;
            }
            long done = c.tables().stream().mapToLong(CopyDao.TableState::rowsDone).sum();
            long total = c.tables().stream().mapToLong(CopyDao.TableState::rowsExpected).sum();
            Tags tags = Tags.of("copy", c.dst().namespace().value(), "deployment", c.dst().hash().value(),
                    "src_shard", c.src().shard().value(), "dst_shard", c.dst().shard().value());
            rows.add(MultiGauge.Row.of(tags, done));
            ratios.add(MultiGauge.Row.of(tags, total == 0 ? (c.finishedAt().isPresent() ? 1.0 : 0.0)
                    : Math.min(1.0, (double) done / total)));
            Sample before = lastRows.get(c.dst().id().value());
            double rate = 0;
            if (before != null) {
                double secs = Duration.between(before.at(), status.takenAt()).toMillis() / 1000.0;
                rate = secs <= 0 ? before.rate() : Math.max(0, (done - before.rows()) / secs);
            }
            seen.put(c.dst().id().value(), new Sample(done, status.takenAt(), rate));
            rates.add(MultiGauge.Row.of(tags, rate));
        }
        lastRows.clear();
        lastRows.putAll(seen);
        copyRows.register(rows, true);
        copyRatio.register(ratios, true);
        copyRate.register(rates, true);
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        byState.forEach((state, n) -> states.add(MultiGauge.Row.of(Tags.of("state", state), n)));
        copies.register(states, true);
        running.set(runningNow);
    }

    private static Tags deploymentTags(Site site) {
        return Tags.of("deployment", site.hash().value(), "namespace", site.namespace().value(), "shard",
                site.shard().value(), "network", site.network());
    }

    /** The metrics in Prometheus' text format. */
    String scrape() {
        return registry.scrape();
    }

    io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    @Override
    public void pickedUp(Instant changedAt) {
        Duration lag = Duration.between(changedAt, Instant.now());
        pickupLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void copyStarted(Site dst) {
    }

    @Override
    public void copyEnded(Site dst, Optional<CopyRunner.Outcome> outcome) {
        String label = outcome.map(o -> o.name().toLowerCase(Locale.ROOT)).orElse("failed");
        Counter.builder("graphstore_copy_runs").description("copy runs on this node by how they ended")
                .tag("outcome", label).register(registry).increment();
    }

    @Override
    public void unusedRecorded(int count) {
        unusedRecorded.increment(count);
    }

    @Override
    public void unusedRemoved(int count) {
        unusedRemoved.increment(count);
    }
}
