package io.graphstore.graphman.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr. On a terminal the bar redraws in place a few times a second; when
 * stderr is a file or a pipe (CI logs, tests) it prints a plain ASCII line every few seconds,
 * so a log shows progress without carriage-return noise.
 */
public final class Progress {
    private static final int WIDTH = 100;

    private Progress() {
    }

    /** A bar counting to {@code total} units named {@code unit}; close it when done. */
    public static ProgressBar bar(PrintWriter err, String task, long total, String unit) {
        boolean interactive = System.console() != null;
        String[] last = {""};
        DelegatingProgressBarConsumer consumer = new DelegatingProgressBarConsumer(line -> {
            synchronized (last) {
                if (interactive) {
                    err.print("\r" + line);
                } else if (!line.equals(last[0])) {
                    err.println(line.stripTrailing());
                }
                last[0] = line;
                err.flush();
            }
        }, WIDTH) {
            @Override
            public void close() {
                if (interactive) {
                    err.println();
                    err.flush();
                }
            }
        };
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(interactive ? 250 : 5000)
                .setConsumer(consumer)
                .showSpeed()
                .build();
    }
}
