package io.s3wire.bench.server;

import io.s3wire.bench.Args;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3Server;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs s3wire's embedded S3 server for the server benchmarks, in its own JVM: plain HTTP on
 * 127.0.0.1 ({@code --port}), the memory store or, with {@code --dir}, the file store in that
 * directory, SigV4 with {@code --access-key}/{@code --secret-key}. Runs until the process is
 * terminated; a shutdown hook closes the server.
 */
public final class EmbeddedServerMain {
  private EmbeddedServerMain() {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "port", "access-key", "secret-key", "dir");
    S3Server.Builder b = S3Server.builder()
        .port(a.getInt("port", 0))
        .credentials(a.get("access-key", ServerBench.ACCESS_KEY), a.get("secret-key", ServerBench.SECRET_KEY));
    Path dir = a.getPath("dir");
    if (dir != null) {
      b.store(ObjectStore.file(dir));
    }
    S3Server server = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "s3server-shutdown"));
    System.out.println("s3wire embedded server listening on " + server.endpoint());
    stopped.await();
  }
}
