package io.graphstore.graphman.shard;

import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.domain.Site;
import io.graphstore.store.rebalance.MoveDriver;
import io.graphstore.store.rebalance.ShardMove;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lines drain and rebalance print as their moves go, one per event, each naming the move
 * ("[3/10] sgd12 'org/name' shard_a -> shard_d: ..."): started, waiting (once per reason),
 * a row count every 10 %, and how it ended.
 */
class MoveLines implements MoveDriver.Listener {
    private final PrintWriter out;
    private final Map<Integer, Integer> position = new ConcurrentHashMap<>();
    private final Map<Integer, String> lastWait = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastTenth = new ConcurrentHashMap<>();
    private final Map<Integer, Long> startedAt = new ConcurrentHashMap<>();
    private volatile int total;

    MoveLines(PrintWriter out) {
        this.out = out;
    }

    /** Numbers the moves about to be driven. */
    void number(java.util.List<ShardMove> moves) {
        total = moves.size();
        for (int i = 0; i < moves.size(); i++) {
            position.put(moves.get(i).id(), i + 1);
        }
    }

    private String tag(ShardMove m) {
        return "[" + position.getOrDefault(m.id(), 0) + "/" + total + "] sgd" + m.src() + " '" + m.name() + "' "
                + m.from() + " -> " + m.to();
    }

    private synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void started(ShardMove move, Site copy, boolean adopted) {
        startedAt.putIfAbsent(move.id(), System.nanoTime());
        line(tag(move) + ": copying into " + copy.namespace() + (adopted ? " (continuing the copy an earlier run made)"
                : ""));
    }

    @Override
    public void waiting(ShardMove move, String why) {
        if (!why.equals(lastWait.put(move.id(), why))) {
            line(tag(move) + ": waiting, " + why);
        }
    }

    @Override
    public void progress(ShardMove move, CopyRunner.Progress p) {
        if (p.total() <= 0) {
            return;
        }
        long tenth = 10 * p.done() / p.total();
        Long before = lastTenth.put(move.id(), tenth);
        if (before == null || tenth > before) {
            line(tag(move) + ": " + p.done() + "/" + p.total() + " rows (" + 10 * tenth + " %)");
        }
    }

    @Override
    public void ended(ShardMove move, ShardMove.State state, String detail) {
        Long t0 = startedAt.get(move.id());
        String took = t0 == null ? "" : " in " + human(Duration.ofNanos(System.nanoTime() - t0));
        switch (state) {
            case DONE -> line(tag(move) + ": done" + took + "; " + detail);
            case FAILED -> line(tag(move) + ": failed: " + detail);
            case STOPPED -> line(tag(move) + ": stopped: " + detail);
            default -> line(tag(move) + ": " + detail);
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? Math.max(1, s) + " s" : s < 3600 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
