package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BulkJobsTest {
    @Test
    void oneWorkerLoadsEveryTableFirstThenBuildsTheCostliestIndexFirst() {
        BulkJobs jobs = new BulkJobs();
        List<String> ran = new CopyOnWriteArrayList<>();
        jobs.load(() -> {
            ran.add("load big");
            jobs.build(100, () -> ran.add("build 100"));
            jobs.build(800, () -> ran.add("build 800"));
        });
        jobs.load(() -> {
            ran.add("load small");
            jobs.build(300, () -> ran.add("build 300"));
        });
        jobs.work(new AtomicBoolean());
        assertThat(ran).containsExactly("load big", "load small", "build 800", "build 300", "build 100");
        assertThat(jobs.isEmpty()).isTrue();
    }

    @Test
    void aSecondWorkerBuildsWhileATableLoadsButNeverLoadsASecondTable() throws Exception {
        BulkJobs jobs = new BulkJobs();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch built = new CountDownLatch(1);
        jobs.build(10, () -> {
            ran.add("build");
            built.countDown();
        });
        jobs.load(() -> {
            ran.add("load 1");
            try {
                assertThat(built.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(300); // the other worker is free now: it must wait, not load
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("load 1 done");
        });
        jobs.load(() -> ran.add("load 2"));
        AtomicBoolean halt = new AtomicBoolean();
        Thread other = new Thread(() -> jobs.work(halt));
        other.start();
        jobs.work(halt);
        other.join(10_000);
        assertThat(ran).containsExactlyInAnyOrder("load 1", "build", "load 1 done", "load 2");
        assertThat(ran.indexOf("load 2")).isGreaterThan(ran.indexOf("load 1 done"));
    }

    @Test
    void haltEndsTheWorkWithJobsLeft() {
        BulkJobs jobs = new BulkJobs();
        AtomicBoolean halt = new AtomicBoolean();
        jobs.load(() -> {
            halt.set(true);
            jobs.wake();
        });
        jobs.load(() -> {
            throw new AssertionError("a halted copy loads no more tables");
        });
        jobs.work(halt);
        assertThat(jobs.isEmpty()).isFalse();
    }
}
