package io.s3wire.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a few MiB mounted on a fresh directory for one test, with a ballast file that fills it
 * to a chosen free space; {@link #close} unmounts it and deletes the directory.
 *
 * <p>Mounting needs root (CAP_SYS_ADMIN). Without it the test is skipped with a message, except under
 * {@code CI=true}, where it fails: CI runs as root, and a group that skips there proves nothing.
 */
final class SmallFileSystem implements AutoCloseable {
  private static final long MiB = 1024 * 1024;

  private final Path mountPoint;
  private final Path ballast;

  private SmallFileSystem(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.ballast = mountPoint.resolve("ballast");
  }

  /** Mounts a tmpfs of {@code mib} MiB on a fresh directory in the system's temp directory. */
  static SmallFileSystem mount(int mib) throws IOException, InterruptedException {
    String uid = run(List.of("id", "-u")).trim();
    if (!uid.equals("0")) {
      unable("the full-disk tests mount a tmpfs, which needs root; running as uid " + uid);
    }
    Path dir = Files.createTempDirectory("s3wire-small-fs");
    String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + mib + "m,mode=0700", "tmpfs", dir.toString()));
    if (!isMountPoint(dir)) {
      Files.deleteIfExists(dir);
      unable("mount -t tmpfs failed (no CAP_SYS_ADMIN in this container?): " + out.trim());
    }
    return new SmallFileSystem(dir);
  }

  private static void unable(String why) {
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(why + "; CI=true, so this fails rather than skips");
    }
    Assumptions.abort(why + "; skipped");
  }

  private static boolean isMountPoint(Path dir) throws IOException {
    String target = " " + dir.toRealPath() + " ";
    return Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8).stream()
        .anyMatch(l -> l.contains(target));
  }

  /** Runs a short command, waiting at most 30 s; its output and error output together. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command + " did not end within 30 s");
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  Path root() {
    return mountPoint;
  }

  /** Bytes free for a new file, as the store sees them. */
  long usable() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  /**
   * Grows the ballast until the file system is full, then shrinks it so that {@code bytes} are free
   * (to the page): 0 leaves no room for even a one-byte file.
   */
  void leaveFree(long bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
      long size = ch.size();
      try {
        while (true) {
          chunk.clear();
          size += ch.write(chunk, size);
        }
      } catch (IOException full) {
        if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
          throw full;
        }
      }
      // A failed write can leave a partial page written; the real size is what the file holds.
      size = ch.size();
      ch.truncate(Math.max(0, size - bytes));
    }
  }

  /** Deletes the ballast: the room the test took back is free again. */
  void freeBallast() throws IOException {
    Files.deleteIfExists(ballast);
  }

  /** Unmounts (lazily if something still holds a file open) and deletes the mount point. */
  @Override
  public void close() throws IOException, InterruptedException {
    String out = run(List.of("umount", mountPoint.toString()));
    if (isMountPoint(mountPoint)) {
      out += run(List.of("umount", "-l", mountPoint.toString()));
    }
    if (isMountPoint(mountPoint)) {
      throw new IOException("could not unmount " + mountPoint + ": " + out.trim());
    }
    Files.deleteIfExists(mountPoint);
  }

  @Override
  public String toString() {
    return "tmpfs " + mountPoint + " (" + (mountPoint.toFile().getTotalSpace() / MiB) + " MiB)";
  }
}
