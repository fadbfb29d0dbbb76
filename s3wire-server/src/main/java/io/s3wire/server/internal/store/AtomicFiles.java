package io.s3wire.server.internal.store;

import java.io.IOException;
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

  private final Path tmp;

  AtomicFiles(Path tmp) {
    this.tmp = tmp;
  }

  /** A fresh temp file name in the store's temp directory (same file system as the targets). */
  Path newTemp() {
    return tmp.resolve(UUID.randomUUID() + ".tmp");
  }

  /** Writes {@code writer}'s bytes to a temp file, forces them to disk and renames it to {@code target}. */
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
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Renames a complete, forced temp file to {@code target} atomically and forces the directory entry. */
  void publish(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(target.getParent());
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
