package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A file store on a {@link SmallFileSystem}, served by an {@link S3Server}, with the server's log
 * lines at WARNING and above captured; the checks the full-disk tests share: the warning's wording,
 * no temp file left, no data file that no metadata names.
 */
final class FullDiskFixture implements AutoCloseable {
  static final String BUCKET = "full";
  static final int MiB = 1024 * 1024;
  final SmallFileSystem fs;
  final Path storeDir;
  private ObjectStore store;
  private S3Server server;
  private ServerLogCapture log;

  private FullDiskFixture(SmallFileSystem fs) {
    this.fs = fs;
    this.storeDir = fs.root().resolve("store");
  }

  /** A 16 MiB tmpfs with a store and a started server on it, and bucket {@link #BUCKET}. */
  static FullDiskFixture start() throws Exception {
    FullDiskFixture f = new FullDiskFixture(SmallFileSystem.mount(16));
    try {
      f.open();
      f.store.createBucket(BUCKET);
      f.log = ServerLogCapture.start();
      return f;
    } catch (Exception | Error e) {
      f.close();
      throw e;
    }
  }

  private void open() throws IOException {
    store = ObjectStore.file(storeDir);
    server = S3Server.builder().store(store).credentials("AKIDFULLDISK", "full-disk-secret").start();
  }

  S3Server server() {
    return server;
  }

  /** Stops the server, closes the store, and opens both again on the same directory (a new port). */
  void restart() throws IOException {
    server.close();
    store.close();
    open();
  }

  /**
   * Asserts that the server logged, for each refused write since the last call, one warning that
   * names the store's directory and its free space, then forgets them.
   */
  void assertWarnedFull(int refusals) {
    Pattern line = Pattern.compile("WARNING file store " + Pattern.quote(storeDir.toString())
        + ": (\\S+: )?No space left on device( for a body of \\d+ bytes)? \\(\\d+\\.\\d MiB free of 16\\.0 MiB\\);"
        + " writes answer 507 XMinioStorageFull until space is freed");
    assertThat(log.lines()).hasSize(refusals).allSatisfy(l -> assertThat(l).matches(line));
    log.lines().clear();
  }

  /** Asserts that no write left a temp file or an unreferenced data file behind. */
  void assertNothingLeftBehind() throws IOException {
    try (Stream<Path> tmp = Files.list(storeDir.resolve("tmp"))) {
      assertThat(tmp).as("temp files").isEmpty();
    }
    Path bucket = storeDir.resolve("buckets").resolve(BUCKET);
    List<String> data;
    List<String> meta;
    try (Stream<Path> s = Files.list(bucket.resolve("objects"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      data = names.stream().filter(n -> n.endsWith(".data")).map(n -> n.substring(0, 64)).sorted().toList();
      meta = names.stream().filter(n -> n.endsWith(".meta")).map(n -> n.substring(0, 64)).sorted().toList();
    }
    if (!Files.exists(bucket.resolve("versioning.properties"))) {
      assertThat(data).as("data files, one per object").isEqualTo(meta);
    }
    try (Stream<Path> uploads = Files.walk(bucket.resolve("uploads"))) {
      for (Path p : (Iterable<Path>) uploads::iterator) {
        String n = p.getFileName().toString();
        if (n.endsWith(".data")) {
          String part = n.substring(0, n.indexOf('.'));
          assertThat(p.resolveSibling(part + ".meta")).as("metadata of part file " + p).exists();
          assertThat(Files.readString(p.resolveSibling(part + ".meta"))).as("part " + p).contains(n);
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (log != null) {
        log.close();
      }
      if (server != null) {
        server.close();
      }
      if (store != null) {
        store.close();
      }
    } finally {
      fs.close();
    }
  }
}
