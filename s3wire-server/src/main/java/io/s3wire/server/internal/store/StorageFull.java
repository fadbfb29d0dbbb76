package io.s3wire.server.internal.store;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.net.ServerLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises a full file system in the file store's I/O failures and turns it into the S3 answer
 * {@link S3ErrorCode#STORAGE_FULL}, with one warning line in the server log that names the store's
 * directory and its free space.
 *
 * <p>The JDK reports ENOSPC and EDQUOT only as the C library's text in an {@link IOException}'s
 * message ({@code "No space left on device"}, {@code "Disk quota exceeded"}); those are what is
 * matched. The JVM does not apply the environment's locale to those texts.
 */
public final class StorageFull {
  private StorageFull() {}

  /**
   * Refuses, before its body is read, a write of {@code bytes} (negative: unknown, accepted) that is
   * larger than the free space under {@code root}, the way {@link #check} refuses one that ran out
   * of space: a client that waits for {@code 100 Continue} then gets the answer without sending the
   * body, instead of a connection closed under a body too large to drain.
   */
  public static void refuseLargerThanFree(Path root, long bytes) throws IOException {
    if (bytes > Files.getFileStore(root).getUsableSpace()) {
      check(new IOException("No space left on device for a body of " + bytes + " bytes"), root);
    }
  }

  /** Whether {@code e}, or an exception that caused it, says that the file system has no room left. */
  static boolean isFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Throws the S3 answer for a full disk, after logging it, when {@code e} says the file system
   * under {@code root} is full; returns otherwise, for the caller to throw {@code e}. Call it after
   * deleting what the failed write left, so that the free space logged is what remains.
   */
  static void check(IOException e, Path root) {
    if (!isFull(e)) {
      return;
    }
    ServerLog.warn("file store " + root + ": " + e.getMessage() + " (" + space(root) + "); writes answer "
        + S3ErrorCode.STORAGE_FULL.status() + " " + S3ErrorCode.STORAGE_FULL.code() + " until space is freed");
    throw new S3ErrorException(S3ErrorCode.STORAGE_FULL);
  }

  private static String space(Path root) {
    try {
      java.nio.file.FileStore fs = Files.getFileStore(root);
      return mib(fs.getUsableSpace()) + " free of " + mib(fs.getTotalSpace());
    } catch (IOException e) {
      return "free space unknown: " + e.getMessage();
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
