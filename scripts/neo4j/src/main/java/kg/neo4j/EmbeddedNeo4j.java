package kg.neo4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community, embedded, for tests and for users without a Neo4j of their own.
 *
 * <pre>
 *   java -cp 'target/classes:target/lib/*' kg.neo4j.EmbeddedNeo4j [--port N] [--no-stdin] [--password-from-stdin]
 * </pre>
 *
 * Bolt listens on 127.0.0.1 only, authentication is off, and the store lives in a
 * fresh temporary directory that is deleted on exit. Port 0 picks a free port; the
 * port actually bound is printed on stdout as {@code NEO4J READY bolt://127.0.0.1:PORT}
 * once the server accepts connections. The process stops cleanly on SIGTERM/SIGINT
 * and, unless {@code --no-stdin} is given, when its stdin closes, so a parent
 * process that dies without cleaning up does not leave a Neo4j behind.
 * {@code --password-from-stdin} turns authentication on for user {@code neo4j} with
 * the password read from the first line of stdin (for testing credential errors).
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's own threads are not daemons: without an explicit exit a failed
            // start would hang instead of failing. The shutdown hook still cleans up.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            e.printStackTrace();
            System.err.println("Neo4j failed to start: " + root.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = 7687;
        boolean watchStdin = true;
        boolean passwordFromStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--no-stdin" -> watchStdin = false;
                case "--password-from-stdin" -> passwordFromStdin = true;
                default -> port = Integer.parseInt(args[i]);
            }
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // The password comes on stdin, not argv, so it never shows in `ps`.
        String password = passwordFromStdin ? stdin.readLine() : null;
        if (passwordFromStdin && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("--password-from-stdin: no password on the first line of stdin");
        }

        Path home = Files.createTempDirectory("kg-neo4j-");
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                    // The default page cache takes half the RAM; test graphs are tiny.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(96))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Netty's graceful shutdown otherwise waits a quiet period per event
                    // loop group (about 20 s in all) before the JVM can exit.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    .build();
        } catch (RuntimeException e) {
            deleteRecursively(home);
            throw e;
        }

        AtomicBoolean stopped = new AtomicBoolean(false);
        DatabaseManagementService service = dbms;
        Runnable stop = () -> {
            if (!stopped.compareAndSet(false, true)) return;
            System.err.println("Neo4j: shutting down");
            try {
                service.shutdown();
            } finally {
                deleteRecursively(home);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

        if (password != null) {
            // Embedded calls bypass authentication, so the default user can be given
            // its password directly; Bolt clients must then log in as neo4j/<password>.
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }

        // Waits for the default database to be available, so the ready line is honest.
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            throw new IllegalStateException("the default database did not become available within 120 s");
        }
        var bound = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("NEO4J READY bolt://127.0.0.1:" + bound.getPort());
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (BufferedReader in = stdin) {
                    while (in.readLine() != null) {
                        // Input is ignored; only its end matters.
                    }
                } catch (IOException ignored) {
                    // A broken stdin means the parent is gone too.
                }
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        Thread.currentThread().join();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Neo4j: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
