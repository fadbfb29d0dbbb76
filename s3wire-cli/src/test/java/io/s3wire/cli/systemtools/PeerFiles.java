package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files a peer session uploads: names with spaces and non-ASCII letters, and one above every multipart threshold. */
final class PeerFiles {
  /**
   * Above the multipart thresholds at the peers' defaults: AWS CLI and boto3 8 MiB (8 MiB parts), s3cmd 15 MiB
   * (15 MiB parts); rclone streams through multipart above 100 KiB (5 MiB parts) and uploads files whole below 200 MiB.
   */
  static final int BIG = 16 * 1024 * 1024 + 12_345;

  static final String SMALL_NAME = "small file ü.txt";

  private PeerFiles() {}

  /**
   * Writes the tree under {@code dir}: {@code big.bin}, {@value #SMALL_NAME}, {@code dir x/a b.txt},
   * {@code ünïcödé/z.txt}; the bytes are the same on every run.
   */
  static Path tree(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("dir x"));
    Files.createDirectories(dir.resolve("ünïcödé"));
    Files.write(dir.resolve("big.bin"), bytes(BIG, 1));
    Files.write(dir.resolve(SMALL_NAME), bytes(1000, 2));
    Files.write(dir.resolve("dir x").resolve("a b.txt"), bytes(3, 3));
    Files.write(dir.resolve("ünïcödé").resolve("z.txt"), bytes(70_000, 4));
    return dir;
  }

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static void assertSameBytes(Path expected, Path actual) throws IOException {
    assertThat(actual).as("downloaded file").exists();
    assertThat(Files.mismatch(expected, actual)).as("first differing byte of %s and %s", expected, actual)
        .isEqualTo(-1L);
  }

  /** Asserts that both trees hold the same relative paths with the same bytes. */
  static void assertSameTree(Path expected, Path actual) throws IOException {
    SortedMap<String, Path> a = files(expected);
    SortedMap<String, Path> b = files(actual);
    assertThat(b.keySet()).as("files under %s", actual).containsExactlyElementsOf(a.keySet());
    for (String name : a.keySet()) {
      assertSameBytes(a.get(name), b.get(name));
    }
  }

  private static SortedMap<String, Path> files(Path root) throws IOException {
    SortedMap<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString(), p));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }
}
