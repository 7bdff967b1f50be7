package io.graphstore.store.embedded;

import io.graphstore.common.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the PostgreSQL binaries are extracted, and the check that nobody but the current user
 * (or root) can have put anything there. zonky's default, {@code java.io.tmpdir/embedded-pg},
 * is world-writable; whoever can write there chooses what {@code dev up} runs. So the binaries
 * go to {@code $XDG_CACHE_HOME/graph-store/embedded-pg} (default {@code ~/.cache}), a directory
 * of mode 0700, and before every start:
 * <ul>
 * <li>every directory from {@code /} down to it is owned by the current user or root and is not
 * writable by group or others (unless sticky, as {@code /tmp} is);</li>
 * <li>the directory itself is owned by the current user or root and has no permission for
 * group or others;</li>
 * <li>everything inside is owned by the current user or root and, apart from zonky's working
 * directory (see {@link #workingDirectory()}), not writable by group or others.</li>
 * </ul>
 */
final class PgBinaries {
    /** Sticky bit: others may not rename or remove entries they do not own. */
    private static final int STICKY = 01000;
    private static final int GROUP_OTHER_WRITE = 0022;
    private static final int GROUP_OTHER_ANY = 0077;
    private static final String ZONKY_DIR = "zonky";
    private static final Path ROOT = defaultRoot();

    private PgBinaries() {
    }

    /** The private directory the binaries live under, fixed for the JVM. */
    static Path root() {
        return ROOT;
    }

    /**
     * The directory handed to zonky, inside {@link #root()}. zonky makes it writable by all
     * ({@code File.setWritable(true, false)}) each time it prepares the binaries, so its own
     * mode is not checked: nobody else can reach it, because {@link #root()} is 0700.
     */
    static Path workingDirectory() {
        return workingDirectory(ROOT);
    }

    private static Path workingDirectory(Path root) {
        return root.resolve(ZONKY_DIR);
    }

    /** Creates the private directory (0700) when missing, then {@link #check checks} it. */
    static Path prepare() {
        return prepare(ROOT);
    }

    static Path prepare(Path root) {
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path work = workingDirectory(root);
            if (!Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(work, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new StoreException("embedded PostgreSQL binaries directory " + root + " cannot be created ("
                    + e.getMessage() + "); make its parent writable or set XDG_CACHE_HOME to a private directory", e);
        }
        check(root);
        return workingDirectory(root);
    }

    /** Refuses, with one line saying what is wrong and how to fix it, a directory others could write. */
    static void check(Path root) {
        if (!posix()) {
            return;
        }
        int me = Users.currentUid();
        try {
            for (Path dir : ancestors(root)) {
                checkAncestor(dir, me, root);
            }
            for (Path dir : ancestors(root.toRealPath())) {
                checkAncestor(dir, me, root);
            }
            Attributes top = Attributes.of(root);
            if (top.symlink() || !top.directory()) {
                throw refused(root, root, "is not a directory");
            }
            if (!owned(top, me)) {
                throw refused(root, root, "belongs to uid " + top.uid() + ", not to you (uid " + me + ")");
            }
            if ((top.mode() & GROUP_OTHER_ANY) != 0) {
                throw refused(root, root, "has mode " + octal(top.mode()) + ", not 0700");
            }
            Path work = workingDirectory(root);
            try (Stream<Path> inside = Files.walk(root)) {
                for (Path p : (Iterable<Path>) inside::iterator) {
                    if (p.equals(root)) {
                        continue;
                    }
                    Attributes a;
                    try {
                        a = Attributes.of(p);
                    } catch (NoSuchFileException gone) {
                        continue; // removed while we looked, such as zonky's unpack lock
                    }
                    if (!owned(a, me)) {
                        throw refused(root, p, "belongs to uid " + a.uid() + ", not to you (uid " + me + ") or root");
                    }
                    if (!a.symlink() && !p.equals(work) && (a.mode() & GROUP_OTHER_WRITE) != 0) {
                        throw refused(root, p, "is writable by group or others (mode " + octal(a.mode()) + ")");
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("embedded PostgreSQL binaries directory " + root + " cannot be checked ("
                    + e.getMessage() + "); remove it (rm -rf " + root + ") and start again", e);
        }
    }

    /**
     * After a start: zonky has made its working directory writable by all again, and a umask
     * such as 002 leaves extracted files group-writable. Nobody else can reach them (the root is
     * 0700), so they are put back to owner-only write for the next {@link #check}.
     */
    static void tighten() {
        if (!posix() || !Files.isDirectory(ROOT)) {
            return;
        }
        int me = Users.currentUid();
        try (Stream<Path> inside = Files.walk(ROOT)) {
            for (Path p : (Iterable<Path>) inside::iterator) {
                Attributes a = Attributes.of(p);
                if (a.symlink() || a.uid() != me) {
                    continue;
                }
                int wanted = p.equals(workingDirectory()) || p.equals(ROOT) ? a.mode() & ~GROUP_OTHER_ANY
                        : a.mode() & ~GROUP_OTHER_WRITE;
                if (wanted != a.mode()) {
                    Files.setAttribute(p, "unix:mode", wanted, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the next check reports what is wrong
        }
    }

    private static void checkAncestor(Path dir, int me, Path root) throws IOException {
        Attributes a = Attributes.of(dir);
        if (!owned(a, me)) {
            throw refused(root, dir, "belongs to uid " + a.uid() + ", not to you (uid " + me + ") or root");
        }
        if (!a.symlink() && (a.mode() & GROUP_OTHER_WRITE) != 0 && (a.mode() & STICKY) == 0) {
            throw refused(root, dir, "is writable by group or others without the sticky bit (mode "
                    + octal(a.mode()) + ")");
        }
    }

    private static StoreException refused(Path root, Path culprit, String problem) {
        String hint = culprit.startsWith(root)
                ? "remove it (rm -rf " + root + "); graph-store extracts the binaries again"
                : "make it private (chmod go-w " + culprit + ") or set XDG_CACHE_HOME to a private directory";
        return new StoreException("embedded PostgreSQL binaries directory " + root + " is not private: "
                + culprit + " " + problem + "; " + hint);
    }

    /** {@code dir}'s parent, its parent, … up to {@code /}. */
    private static List<Path> ancestors(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            out.add(p);
        }
        return out;
    }

    private static boolean owned(Attributes a, int me) {
        return a.uid() == me || a.uid() == 0;
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    private static Path defaultRoot() {
        Optional<Path> xdg = Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .filter(s -> !s.isBlank()).map(Path::of).filter(Path::isAbsolute);
        Path cache = xdg.orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"));
        return cache.resolve("graph-store").resolve("embedded-pg").toAbsolutePath().normalize();
    }

    /** What {@code lstat} says about one path. */
    private record Attributes(int uid, int mode, boolean directory, boolean symlink) {
        static Attributes of(Path p) throws IOException {
            var attrs = Files.readAttributes(p, "unix:uid,mode,isDirectory,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
            return new Attributes((Integer) attrs.get("uid"), (Integer) attrs.get("mode"),
                    (Boolean) attrs.get("isDirectory"), (Boolean) attrs.get("isSymbolicLink"));
        }
    }
}
