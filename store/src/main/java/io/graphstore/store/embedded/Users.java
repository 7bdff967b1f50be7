package io.graphstore.store.embedded;

import com.sun.security.auth.module.UnixSystem;

/** Who this process runs as. */
final class Users {
    private Users() {
    }

    /** The real uid of this process (Unix only). */
    static int currentUid() {
        return (int) new UnixSystem().getUid();
    }

    static boolean isRoot() {
        return currentUid() == 0;
    }
}
