package io.s3wire;

import io.s3wire.error.ClientException;
import io.s3wire.internal.Validation;

/**
 * What to list in a bucket. {@code null} components are not sent.
 *
 * @param maxKeys keys per page, 1..1,000 (the server may return fewer); 0 lets the server choose
 */
public record ListObjectsRequest(String bucket, String prefix, String delimiter, String startAfter, int maxKeys) {
  public ListObjectsRequest {
    Validation.bucketName(bucket);
    if (maxKeys < 0 || maxKeys > 1000) {
      throw new ClientException("max-keys", "must be 1..1000 (or 0 for the server's default), was " + maxKeys);
    }
  }

  /** Everything in {@code bucket}. */
  public static ListObjectsRequest of(String bucket) {
    return new ListObjectsRequest(bucket, null, null, null, 0);
  }

  public ListObjectsRequest withPrefix(String v) {
    return new ListObjectsRequest(bucket, v, delimiter, startAfter, maxKeys);
  }

  public ListObjectsRequest withDelimiter(String v) {
    return new ListObjectsRequest(bucket, prefix, v, startAfter, maxKeys);
  }

  public ListObjectsRequest withStartAfter(String v) {
    return new ListObjectsRequest(bucket, prefix, delimiter, v, maxKeys);
  }

  public ListObjectsRequest withMaxKeys(int v) {
    return new ListObjectsRequest(bucket, prefix, delimiter, startAfter, v);
  }
}
