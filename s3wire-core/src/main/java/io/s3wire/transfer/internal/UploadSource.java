package io.s3wire.transfer.internal;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes of known size to upload, cut into regions: each region is sent straight from its source (a
 * file region is streamed from the file, never copied whole onto the heap) and hashed on a worker.
 */
interface UploadSource extends AutoCloseable {
  long size();

  /** A replayable body over the region. */
  RequestBody body(long offset, long length);

  /** The MD5 of the region. Blocking: call on a worker thread. */
  byte[] md5(long offset, long length) throws IOException;

  /** The checksum of {@code algorithm} of the region. Blocking: call on a worker thread. */
  byte[] checksum(ChecksumAlgorithm algorithm, long offset, long length) throws IOException;

  @Override
  default void close() {}

  /** A file; its size is read now, and one channel serves every part's hashing (positional reads). */
  static UploadSource file(Path path) throws IOException {
    long size = Files.size(path);
    FileChannel hashing = FileChannel.open(path, StandardOpenOption.READ);
    return new UploadSource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public RequestBody body(long offset, long length) {
        return RequestBody.ofFile(path, offset, length);
      }

      @Override
      public byte[] md5(long offset, long length) throws IOException {
        return Md5.of(hashing, offset, length);
      }

      @Override
      public byte[] checksum(ChecksumAlgorithm algorithm, long offset, long length) throws IOException {
        return FileScan.digest(hashing, offset, length, algorithm.newDigest());
      }

      @Override
      public void close() {
        try {
          hashing.close();
        } catch (IOException ignored) {
          // Only read from; nothing is lost.
        }
      }
    };
  }

  /** An array, not copied. */
  static UploadSource bytes(byte[] array) {
    return new UploadSource() {
      @Override
      public long size() {
        return array.length;
      }

      @Override
      public RequestBody body(long offset, long length) {
        return RequestBody.ofBytes(array, (int) offset, (int) length);
      }

      @Override
      public byte[] md5(long offset, long length) {
        return Md5.of(array, (int) offset, (int) length);
      }

      @Override
      public byte[] checksum(ChecksumAlgorithm algorithm, long offset, long length) {
        java.security.MessageDigest d = algorithm.newDigest();
        d.update(array, (int) offset, (int) length);
        return d.digest();
      }
    };
  }
}
