package io.s3wire.bench.server;

import java.nio.file.Path;

/**
 * The S3 calls the server benchmark makes, behind one face so that the same loop drives s3wire's
 * client and the AWS SDK's. Implementations are thread-safe (the small-object rate runs many
 * threads on one client) and check what they get back.
 */
interface BenchClient extends AutoCloseable {
  String name();

  void createBucket(String bucket) throws Exception;

  void putFile(String bucket, String key, Path file) throws Exception;

  /** Writes the object to {@code target}; returns its length. */
  long getToFile(String bucket, String key, Path target) throws Exception;

  void putBytes(String bucket, String key, byte[] bytes) throws Exception;

  byte[] getBytes(String bucket, String key) throws Exception;

  @Override
  void close();
}
