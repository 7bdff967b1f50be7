package io.graphstore.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.StoreException;
import io.graphstore.node.Node;
import io.graphstore.node.NodeStatus;
import io.graphstore.node.view.CopyJson;
import io.graphstore.node.view.ShardJson;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.primary.AssignmentDao;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The node's HTTP surface (Javalin on Jetty): {@code /health}, {@code /ready}, {@code /shards},
 * {@code /copies}, {@code /metrics}, and the admin endpoints {@code /admin/drain} and
 * {@code /admin/resume} behind the bearer {@link AdminToken}. Every read answers from the
 * node's last status round, so no request waits on a shard.
 */
public final class NodeHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin app;

    private NodeHttp(Javalin app) {
        this.app = app;
    }

    /** Starts listening; a port that is taken is a failure naming the address. */
    public static NodeHttp start(Node node, HttpAddress address, AdminToken token) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = threads();
            config.jetty.host = address.host();
            config.jetty.port = address.port();
            config.routes.get("/health", ctx -> json(ctx, 200, health(node)));
            config.routes.get("/ready", ctx -> ready(ctx, node));
            config.routes.get("/shards", ctx -> json(ctx, 200, shards(node.status())));
            config.routes.get("/copies", ctx -> json(ctx, 200, copies(node)));
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(node.prometheus()));
            config.routes.get("/admin/drain", admin(token, ctx -> json(ctx, 200, drain(node.drainStatus()))));
            config.routes.post("/admin/drain", admin(token, ctx -> json(ctx, 202, drain(node.drain()))));
            config.routes.post("/admin/resume", admin(token, ctx -> json(ctx, 200, drain(node.resume()))));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new StoreException("the node cannot listen on " + address + " (" + rootMessage(e)
                    + "); free the port or choose another --http-addr", e);
        }
        return new NodeHttp(app);
    }

    private static QueuedThreadPool threads() {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("node-http");
        pool.setDaemon(true);
        return pool;
    }

    /** The port it listens on (the one picked when port 0 was asked for). */
    public int port() {
        return app.port();
    }

    private static Handler admin(AdminToken token, Handler then) {
        return ctx -> {
            switch (token.check(Optional.ofNullable(ctx.header("Authorization")))) {
                case OK -> then.handle(ctx);
                case NOT_CONFIGURED -> json(ctx, 403, error("admin endpoints are off: start the node with "
                        + AdminToken.ENV + " set to a token and send it as 'Authorization: Bearer <token>'"));
                case MISSING -> unauthorized(ctx, "this endpoint needs 'Authorization: Bearer <token>' with the token "
                        + "in the node's " + AdminToken.ENV);
                case WRONG -> unauthorized(ctx, "the bearer token is wrong; send the token in the node's "
                        + AdminToken.ENV);
            }
        };
    }

    private static void unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        json(ctx, 401, error(message));
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private static Map<String, Object> health(Node node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", node.store().node().value());
        m.put("shards", node.store().shards().size());
        m.put("state", node.state().name().toLowerCase(Locale.ROOT));
        m.put("uptime_seconds", Duration.between(node.startedAt(), Instant.now()).toSeconds());
        return m;
    }

    private static void ready(Context ctx, Node node) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean ready = node.ready();
        m.put("ready", ready);
        m.put("state", node.state().name().toLowerCase(Locale.ROOT));
        m.put("directory_readable", node.status().directoryReadable());
        if (!ready) {
            m.put("reason", node.state() != Node.State.RUNNING ? "the node is " + m.get("state")
                    + "; POST /admin/resume takes work again"
                    : "neither the primary nor any shard's mirror answers directory reads; see /shards");
        }
        json(ctx, ready ? 200 : 503, m);
    }

    private static Map<String, Object> shards(NodeStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probed_at", status.takenAt().toString());
        m.put("shards", status.shards().stream().map(ShardJson::asMap).toList());
        return m;
    }

    private static Map<String, Object> copies(Node node) {
        NodeStatus status = node.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taken_at", status.takenAt().toString());
        m.put("copies", status.copies().copies().stream().map(c -> copy(node, c)).toList());
        m.put("unreadable", status.copies().unreadable());
        return m;
    }

    private static Map<String, Object> copy(Node node, CopyInfo c) {
        Optional<AssignmentDao.Row> a = Optional.empty();
        try {
            a = node.store().directory().assignment(c.dst().id());
        } catch (RuntimeException e) {
            // directory unreadable: the copy shows as unassigned
        }
        return CopyJson.asMap(c, a.map(AssignmentDao.Row::nodeId), a.map(r -> r.pausedAt() != null).orElse(false));
    }

    private static Map<String, Object> drain(Node.DrainStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("running", s.running());
        return m;
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        app.stop();
    }
}
