package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ObjectChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.UUID;

/** Writes files so that they appear whole or not at all: temp file, fsync, atomic rename, fsync of the directory. */
final class AtomicFiles {
  /** Writes bytes to an output stream; may throw, after which nothing is published. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static final int BUFFER = 64 * 1024;

  private final Path tmp;

  AtomicFiles(Path tmp) {
    this.tmp = tmp;
  }

  /** A fresh temp file name in the store's temp directory (same file system as the targets). */
  Path newTemp() {
    return tmp.resolve(UUID.randomUUID() + ".tmp");
  }

  /**
   * Writes {@code writer}'s bytes to a temp file, forces them to disk and renames it to {@code target}.
   * A full disk throws {@link StorageFull}'s S3 error, the temp file deleted.
   */
  void write(Path target, Writer writer) throws IOException {
    Path temp = newTemp();
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(ch)) {
        writer.write(out);
        out.flush();
        ch.force(true);
      }
      publish(temp, target);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      StorageFull.check(e, root());
      throw e;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Renames a complete, forced temp file to {@code target} atomically and forces the directory entry;
   * a full disk (a directory that could not grow) throws {@link StorageFull}'s S3 error.
   */
  void publish(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      StorageFull.check(e, root());
      throw e;
    }
    forceDirectory(target.getParent());
  }

  /** The store's root directory, which holds the temp directory. */
  Path root() {
    return tmp.getParent();
  }

  /** A body streamed into a fresh forced temp file: its path, size, ETag and checksum ({@code null}: none). */
  record Written(Path temp, long size, String etag, ObjectChecksum checksum) {}

  /**
   * Streams {@code body} into a fresh temp file and forces it to disk, computing the ETag's MD5 and
   * the FULL_OBJECT checksum of {@code checksum} ({@code null}: none) in the same pass; the caller
   * publishes the file or deletes it. On failure nothing is left behind; a full disk throws
   * {@link StorageFull}'s S3 error.
   */
  Written writeDigested(InputStream body, ChecksumAlgorithm checksum) throws IOException {
    Path temp = newTemp();
    Digests.DigestingInputStream in = Digests.digesting(body, checksum);
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(ch);
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
      ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      StorageFull.check(e, root());
      throw e;
    } catch (RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new Written(temp, in.count(), in.etag(),
        checksum == null ? null : ObjectChecksum.fullObject(checksum, in.value(checksum)));
  }

  void writeProperties(Path target, Properties props) throws IOException {
    write(target, out -> props.store(out, null));
  }

  static Properties readProperties(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (AccessDeniedException | UnsupportedOperationException e) {
      // Some file systems refuse to open directories; the rename itself is still atomic there.
    }
  }
}
