package io.s3wire.transfer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * MD5 of file regions and arrays, and S3's multipart ETag (the MD5 of the parts' MD5s, then {@code
 * -N}). Blocking and CPU-bound: callers run it on worker threads, never on an event loop.
 */
final class Md5 {
  private Md5() {}

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java runtime", e);
    }
  }

  /** The MD5 of {@code length} bytes of {@code file} from {@code offset}. */
  static byte[] of(Path file, long offset, long length) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return of(ch, offset, length);
    }
  }

  /** The MD5 of {@code length} bytes of an open channel from {@code offset}, read positionally. */
  static byte[] of(FileChannel ch, long offset, long length) throws IOException {
    MessageDigest md = digest();
    FileScan.scan(ch, offset, length, md::update);
    return md.digest();
  }

  static byte[] of(byte[] array, int offset, int length) {
    MessageDigest md = digest();
    md.update(array, offset, length);
    return md.digest();
  }

  /** S3's ETag of a multipart object made of parts with these MD5s: {@code hex(md5(md5s...))-N}. */
  static String multipartETag(List<byte[]> partMd5s) {
    MessageDigest md = digest();
    for (byte[] m : partMd5s) {
      md.update(m);
    }
    return HexFormat.of().formatHex(md.digest()) + "-" + partMd5s.size();
  }

  static String hex(byte[] md5) {
    return HexFormat.of().formatHex(md5);
  }

  /** The MD5 an ETag names, or {@code null} when it is not a plain MD5 (multipart, encrypted). */
  static byte[] fromETag(String eTag) {
    if (eTag == null || eTag.length() != 32) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(eTag);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
