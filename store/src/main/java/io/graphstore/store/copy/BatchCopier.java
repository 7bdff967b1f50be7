package io.graphstore.store.copy;

import io.graphstore.store.domain.Site;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.pool.ShardPool;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Moves the versions of one table with {@code from <= vid < to} that exist at the target
 * block, reopening those closed after it, into the destination inside the caller's
 * destination transaction.
 */
final class BatchCopier {
    private static final int BUFFER = 64 * 1024;

    private BatchCopier() {
    }

    /** The versions to copy, as {@code columns} selects them from {@code sourceTable}. */
    static String selectSql(EntityTable t, String sourceTable, String columns) {
        return "select vid, " + t.blocksAsOf(":target") + ", " + columns
                + " from " + sourceTable + " where vid >= :from and vid < :to and " + t.startBlock() + " <= :target";
    }

    static long viaFdw(Handle dest, Site src, Site dst, EntityTable t, long from, long to, int target) {
        String foreign = Sql.qualified(src.namespace().value(), t.name());
        return dest.createUpdate("insert into " + t.qualifiedName(dst.namespace()) + " (vid, " + t.blockColumn() + ", "
                        + Replayer.columns(t) + ") " + selectSql(t, foreign, Replayer.selectColumns(t, dst.namespace())))
                .bind("target", target).bind("from", from).bind("to", to).execute();
    }

    static long viaCopy(Handle dest, ShardPool source, Site src, Site dst, EntityTable t, long from, long to, int target)
            throws SQLException {
        // binary COPY carries an enum value as its label, so no cast between the namespaces' types is needed
        String select = selectSql(t, t.qualifiedName(src.namespace()), Replayer.columns(t))
                .replace(":target", Integer.toString(target)).replace(":from", Long.toString(from))
                .replace(":to", Long.toString(to));
        Connection destConn = dest.getConnection();
        try (Connection sourceConn = source.connect()) {
            CopyOut out = sourceConn.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (" + select + ") to stdout (format binary)");
            CopyIn in = destConn.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + t.qualifiedName(dst.namespace()) + " (vid, " + t.blockColumn() + ", " + Replayer.columns(t)
                            + ") from stdin (format binary)");
            try {
                // COPY OUT hands over one row per message; sending them on in 64 KiB pieces saves the
                // destination a message per row (COPY FROM does not care where the pieces split)
                byte[] buffer = new byte[BUFFER];
                int filled = 0;
                byte[] chunk;
                while ((chunk = out.readFromCopy()) != null) {
                    if (filled + chunk.length > buffer.length) {
                        in.writeToCopy(buffer, 0, filled);
                        filled = 0;
                    }
                    if (chunk.length >= buffer.length) {
                        in.writeToCopy(chunk, 0, chunk.length);
                    } else {
                        System.arraycopy(chunk, 0, buffer, filled, chunk.length);
                        filled += chunk.length;
                    }
                }
                if (filled > 0) {
                    in.writeToCopy(buffer, 0, filled);
                }
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                if (out.isActive()) {
                    out.cancelCopy();
                }
            }
        }
    }
}
