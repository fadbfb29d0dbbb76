package io.s3wire.server;

import java.nio.file.Path;

/** A FileStore server in a child JVM for the crash test: prints its port, then serves until killed. */
public final class CrashServerMain {
  private CrashServerMain() {}

  public static void main(String[] args) throws Exception {
    S3Server server = S3Server.builder().anonymous(true).store(ObjectStore.file(Path.of(args[0]))).start();
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
