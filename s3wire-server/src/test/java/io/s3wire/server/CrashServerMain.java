package io.s3wire.server;

import java.nio.file.Path;

/**
 * A FileStore server in a child JVM for the crash tests: prints how long the store took to open
 * ({@code OPENED <microseconds>}), then its port ({@code PORT <n>}), then serves until killed.
 */
public final class CrashServerMain {
  private CrashServerMain() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    ObjectStore store = ObjectStore.file(Path.of(args[0]));
    System.out.println("OPENED " + (System.nanoTime() - start) / 1000);
    S3Server server = S3Server.builder().anonymous(true).store(store).start();
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
