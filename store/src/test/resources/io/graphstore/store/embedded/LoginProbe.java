import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by EmbeddedServerPrivacyTest as another local user (nobody), with only pgjdbc on the
 * class path: tries to log in to an embedded server the way an attacker on the same machine
 * would, and prints one line per attempt. A successful login also tries COPY ... TO PROGRAM.
 *
 * Arguments: PORT ROLE PWNED_FILE SOCKET_DIR...
 */
public class LoginProbe {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String role = args[1];
        String pwned = args[2];
        System.out.println("probe runs as uid " + new com.sun.security.auth.module.UnixSystem().getUid());
        for (String user : new String[] {"postgres", role}) {
            for (String password : new String[] {null, "postgres", role}) {
                tcp(port, user, password, pwned);
            }
            for (int i = 3; i < args.length; i++) {
                socket(Path.of(args[i], ".s.PGSQL." + port), user);
            }
        }
    }

    private static void tcp(int port, String user, String password, String pwned) {
        String label = "tcp 127.0.0.1:" + port + " as " + user
                + (password == null ? " without a password" : " with a guessed password");
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p)) {
            System.out.println(label + ": CONNECTED");
            try (Statement s = c.createStatement()) {
                s.execute("copy (select 1) to program 'id > " + pwned + "'");
                System.out.println(label + ": COPY TO PROGRAM RAN");
            } catch (SQLException e) {
                System.out.println(label + ": copy to program refused: " + e.getMessage());
            }
        } catch (SQLException e) {
            System.out.println(label + ": refused [" + e.getSQLState() + "] " + e.getMessage());
        }
    }

    /** A startup message over the socket; the first answer says whether a password is asked. */
    private static void socket(Path path, String user) {
        String label = "socket " + path + " as " + user;
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            byte[] params = ("user\0" + user + "\0database\0postgres\0\0").getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(8 + params.length);
            out.putInt(8 + params.length).putInt(196608).put(params).flip();
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(9);
            while (in.hasRemaining() && ch.read(in) >= 0) {
                // read the message type, its length and the authentication code
            }
            in.flip();
            if (in.remaining() < 9) {
                System.out.println(label + ": refused (connection closed)");
                return;
            }
            byte type = in.get();
            in.getInt();
            int code = in.getInt();
            if (type == 'R' && code == 0) {
                System.out.println(label + ": CONNECTED without a password");
            } else if (type == 'R') {
                System.out.println(label + ": asks for a password (authentication request " + code + ")");
            } else {
                System.out.println(label + ": refused (message " + (char) type + ")");
            }
        } catch (IOException | RuntimeException e) {
            System.out.println(label + ": unreachable (" + e.getMessage() + ")");
        }
    }
}
