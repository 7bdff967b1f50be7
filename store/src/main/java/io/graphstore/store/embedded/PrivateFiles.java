package io.graphstore.store.embedded;

import io.graphstore.common.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold a password are readable by their owner only, from the moment they exist:
 * they are created with mode 0600 and then filled, never filled and then restricted.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_RW);
        }
    }

    /** Replaces {@code file} atomically with {@code content}; the file is 0600 throughout. */
    static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_RW));
        }
        Files.write(tmp, content, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Creates {@code dir} (and missing parents) with mode 0700 when it does not exist. */
    static Path privateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            FileAttribute<?>[] attrs = posix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RWX)}
                    : new FileAttribute<?>[0];
            Files.createDirectories(dir, attrs);
        }
        return dir;
    }

    /** Creates an empty 0600 file unless it exists (a log the server appends to). */
    static void touch(Path file) throws IOException {
        if (!Files.exists(file) && posix()) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created meanwhile; fine
            }
        }
    }

    /**
     * Refuses a file that holds a secret but that group or others may read or write, or that
     * belongs to someone else.
     */
    static void checkPrivate(Path file) {
        if (!posix()) {
            return;
        }
        try {
            int uid = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (uid != Users.currentUid()) {
                throw new StoreException("password file " + file + " belongs to uid " + uid + ", not to you (uid "
                        + Users.currentUid() + "); remove it and the data beside it to start over");
            }
            if ((mode & 0077) != 0) {
                throw new StoreException("password file " + file + " has mode " + String.format("%04o", mode & 07777)
                        + ", so others may read it; chmod 600 " + file + " and, if others did, remove the data beside it");
            }
        } catch (IOException e) {
            throw new StoreException("password file " + file + " cannot be read (" + e.getMessage()
                    + "); check that it exists and is yours", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
