package io.graphstore.graphman.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A block of {@code label  value} lines for people, values aligned after the longest label. */
public final class Fields {
    private static final int MIN_WIDTH = 13;
    private final List<String[]> lines = new ArrayList<>();

    public Fields add(String label, Object value) {
        lines.add(new String[] {label, String.valueOf(value)});
        return this;
    }

    public void print(PrintWriter out) {
        int width = Math.max(MIN_WIDTH, lines.stream().mapToInt(l -> l[0].length()).max().orElse(0) + 2);
        for (String[] l : lines) {
            out.println((l[0] + " ".repeat(width - l[0].length()) + l[1]).stripTrailing());
        }
        out.flush();
    }
}
