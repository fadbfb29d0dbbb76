package io.s3wire.cli.commands;

import io.s3wire.ListObjectsRequest;
import io.s3wire.S3Client;
import io.s3wire.transfer.TransferManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The entries under a base: the files below a local directory, or the objects below a key prefix. */
final class Listings {
  private Listings() {}

  /**
   * Lists {@code base}; a local base that does not exist is empty.
   *
   * @param md5 whether local entries carry their MD5 (for {@link Plans.Compare#CHECKSUM})
   */
  static List<Plans.Entry> list(S3Client client, Location base, boolean md5) throws IOException {
    if (base instanceof Location.Remote r) {
      String prefix = ((Location.Remote) Plans.asBase(r)).key();
      List<Plans.Entry> out = new ArrayList<>();
      client.listObjects(ListObjectsRequest.of(r.bucket()).withPrefix(prefix)).objects()
          .filter(o -> !o.key().endsWith("/"))
          .forEach(o -> out.add(new Plans.Entry(o.key().substring(prefix.length()), o.size(), o.lastModified(), o.eTag())));
      return out;
    }
    if (base instanceof Location.Local l) {
      if (!Files.isDirectory(l.path())) {
        return List.of();
      }
      List<Plans.Entry> out = new ArrayList<>();
      try (Stream<Path> files = Files.walk(l.path())) {
        for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).filter(f -> !TransferManager.isWorkFile(f)).sorted()::iterator) {
          String rel = l.path().relativize(p).toString().replace(java.io.File.separatorChar, '/');
          out.add(new Plans.Entry(rel, Files.size(p), Files.getLastModifiedTime(p).toInstant(), md5 ? md5(p) : null));
        }
      }
      return out;
    }
    throw new IllegalArgumentException("'-' cannot be listed: use a directory or an s3:// prefix");
  }

  static Map<String, Plans.Entry> byRelative(List<Plans.Entry> entries) {
    Map<String, Plans.Entry> m = new LinkedHashMap<>();
    for (Plans.Entry e : entries) {
      m.put(e.relative(), e);
    }
    return m;
  }

  static String md5(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("MD5");
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
