package styrgraf;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community in this JVM with its Bolt connector on 127.0.0.1,
 * authentication on, and prints one line with the bolt URI once it accepts
 * connections. It stops cleanly on SIGTERM/SIGINT or when its standard input
 * closes, so a test run that dies never leaves a database behind.
 *
 * Arguments: --home DIR (data, kept between runs), --port N (0 = a free port),
 * --password P (the neo4j user's password), --heap-hint is left to the JVM.
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Path home = Path.of(required(options, "home")).toAbsolutePath();
    int port = Integer.parseInt(options.getOrDefault("port", "0"));
    String password = required(options, "password");
    if (password.length() < 8) fail("--password must have at least 8 characters (Neo4j's own rule)");
    if (port == 0) port = freePort();
    Files.createDirectories(home);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    setPassword(dbms, password);
    awaitBolt(port);
    System.out.println("Neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion() + " accepts connections at bolt://127.0.0.1:" + port);
    System.out.flush();

    // Standard input closing means whoever started us is gone: stop.
    Thread watcher = new Thread(() -> {
      try (InputStream in = System.in) {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) { /* keep reading until EOF */ }
      } catch (IOException ignored) {
        // A broken pipe is a closed one.
      }
      System.exit(0);
    }, "stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
    stopped.await();
  }

  /** The neo4j user gets the given password, and is not asked to change it (a no-op when it already has it). */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.contains("cannot be the same")) throw e;
    }
  }

  private static void awaitBolt(int port) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        return;
      } catch (IOException e) {
        if (System.currentTimeMillis() > deadline) fail("Bolt did not accept connections on port " + port + " within 60 s");
        Thread.sleep(100);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) fail("unexpected argument " + args[i] + "; use --home DIR --port N --password P");
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) fail("--" + name + " is required");
    return value;
  }

  private static void fail(String message) {
    System.err.println("neo4j launcher: " + message);
    System.exit(2);
  }
}
