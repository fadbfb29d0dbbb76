package io.s3wire;

import io.s3wire.error.ClientException;
import io.s3wire.internal.Validation;

/**
 * What to list in a bucket. {@code null} components are not sent.
 *
 * @param bucket the bucket to list
 * @param prefix only keys starting with this, or {@code null}
 * @param delimiter rolls keys up to the first occurrence after the prefix into common prefixes
 *     (usually {@code /}), or {@code null}
 * @param startAfter only keys after this one in UTF-8 order, or {@code null}
 * @param maxKeys keys per page, 1..1,000 (the server may return fewer); 0 lets the server choose
 */
public record ListObjectsRequest(String bucket, String prefix, String delimiter, String startAfter, int maxKeys) {
  /**
   * Checks the bucket name and page size.
   *
   * @param bucket the bucket
   * @param prefix the prefix, or {@code null}
   * @param delimiter the delimiter, or {@code null}
   * @param startAfter the key to start after, or {@code null}
   * @param maxKeys keys per page, or 0
   * @throws ClientException when the bucket name is invalid or {@code maxKeys} is outside 0 to 1,000
   */
  public ListObjectsRequest {
    Validation.bucketName(bucket);
    if (maxKeys < 0 || maxKeys > 1000) {
      throw new ClientException("max-keys", "must be 1..1000 (or 0 for the server's default), was " + maxKeys);
    }
  }

  /**
   * Everything in {@code bucket}.
   *
   * @param bucket the bucket
   * @return a request without prefix, delimiter or start key, with the server's page size
   */
  public static ListObjectsRequest of(String bucket) {
    return new ListObjectsRequest(bucket, null, null, null, 0);
  }

  /**
   * This request limited to keys that start with a prefix.
   *
   * @param v the prefix, or {@code null} for all keys
   * @return a new request; this one is unchanged
   */
  public ListObjectsRequest withPrefix(String v) {
    return new ListObjectsRequest(bucket, v, delimiter, startAfter, maxKeys);
  }

  /**
   * This request rolling keys up into common prefixes at a delimiter, as a directory listing does.
   *
   * @param v the delimiter, usually {@code /}, or {@code null} for a flat listing
   * @return a new request; this one is unchanged
   */
  public ListObjectsRequest withDelimiter(String v) {
    return new ListObjectsRequest(bucket, prefix, v, startAfter, maxKeys);
  }

  /**
   * This request starting after a key.
   *
   * @param v the key to start after, or {@code null} to start at the first
   * @return a new request; this one is unchanged
   */
  public ListObjectsRequest withStartAfter(String v) {
    return new ListObjectsRequest(bucket, prefix, delimiter, v, maxKeys);
  }

  /**
   * This request with another page size.
   *
   * @param v keys per page, 1 to 1,000, or 0 for the server's default
   * @return a new request; this one is unchanged
   * @throws ClientException when {@code v} is outside 0 to 1,000
   */
  public ListObjectsRequest withMaxKeys(int v) {
    return new ListObjectsRequest(bucket, prefix, delimiter, startAfter, v);
  }
}
