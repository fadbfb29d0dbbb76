package io.s3wire;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A write of an object (PutObject, or CreateMultipartUpload, which takes the same headers): where it
 * goes and what is stored with it. The body is given beside it, to {@link
 * S3AsyncClient#putObject(PutObjectRequest, io.s3wire.http.RequestBody)}, so this stays a plain
 * value: immutable, comparable, printable (the customer key prints as its MD5 only).
 *
 * @param object where the object goes
 * @param metadata content type and other headers, storage class, user metadata
 * @param tags object tags ({@code x-amz-tagging}): at most 10, keys 1..128 characters, values up to
 *     256, of letters, digits, spaces and {@code + - = . _ : / @} (S3's rule); empty: none
 * @param acl a canned ACL or grants, or {@code null} for the bucket's default
 * @param encryption SSE-S3 or SSE-KMS, or {@code null}
 * @param customerKey an SSE-C key, or {@code null}; refused together with {@code encryption}
 * @param checksum a checksum of this algorithm is computed over the body and sent for the server to
 *     check ({@code x-amz-checksum-*}), or {@code null} for the client's default
 * @param options extra headers and query parameters, and a listener for this call
 */
public record PutObjectRequest(
    BucketKey object,
    ObjectMetadata metadata,
    Map<String, String> tags,
    ObjectAcl acl,
    ServerSideEncryption encryption,
    CustomerKey customerKey,
    ChecksumAlgorithm checksum,
    CallOptions options) {

  /**
   * Checks the request.
   *
   * @throws ClientException naming the field: {@code tags} for tags S3 would refuse, {@code sse} for
   *     server-managed encryption given with a customer key
   * @param object the object
   * @param metadata the metadata
   * @param tags the tags
   * @param acl a canned ACL or grants, or {@code null}
   * @param encryption SSE-S3 or SSE-KMS, or {@code null}
   * @param customerKey an SSE-C key, or {@code null}
   * @param checksum the checksum algorithm to compute over the body, or {@code null}
   * @param options extra headers and query parameters, and a listener for this call
   */
  public PutObjectRequest {
    Objects.requireNonNull(object, "object");
    metadata = metadata == null ? ObjectMetadata.NONE : metadata;
    tags = checkTags(tags);
    options = options == null ? CallOptions.NONE : options;
    if (encryption != null && customerKey != null) {
      throw new ClientException("sse", "give server-side encryption (" + encryption.algorithm()
          + ") or a customer key (SSE-C), not both");
    }
  }

  /**
   * A write to {@code object} with nothing else set.
   *
   * @param object the object
   * @return the put object request
   */
  public static PutObjectRequest of(BucketKey object) {
    return new PutObjectRequest(object, ObjectMetadata.NONE, Map.of(), null, null, null, null, CallOptions.NONE);
  }

  /**
   * This request with other metadata.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withMetadata(ObjectMetadata v) {
    return new PutObjectRequest(object, v, tags, acl, encryption, customerKey, checksum, options);
  }

  /**
   * This request with these tags in place of any before.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withTags(Map<String, String> v) {
    return new PutObjectRequest(object, metadata, v, acl, encryption, customerKey, checksum, options);
  }

  /**
   * This request with one more tag (replacing one of the same key).
   *
   * @param key the 32 key bytes
   * @param value the value
   * @return a copy with that change
   */
  public PutObjectRequest withTag(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(tags);
    m.put(key, value);
    return withTags(m);
  }

  /**
   * This request with an ACL.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withAcl(ObjectAcl v) {
    return new PutObjectRequest(object, metadata, tags, v, encryption, customerKey, checksum, options);
  }

  /**
   * This request with server-managed encryption.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withEncryption(ServerSideEncryption v) {
    return new PutObjectRequest(object, metadata, tags, acl, v, customerKey, checksum, options);
  }

  /**
   * This request encrypted with the caller's key (SSE-C).
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withCustomerKey(CustomerKey v) {
    return new PutObjectRequest(object, metadata, tags, acl, encryption, v, checksum, options);
  }

  /**
   * This request with a checksum of {@code v} sent for the server to check.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withChecksum(ChecksumAlgorithm v) {
    return new PutObjectRequest(object, metadata, tags, acl, encryption, customerKey, v, options);
  }

  /**
   * This request with extras and a listener.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public PutObjectRequest withOptions(CallOptions v) {
    return new PutObjectRequest(object, metadata, tags, acl, encryption, customerKey, checksum, v);
  }

  private static final java.util.regex.Pattern TAG_TEXT = java.util.regex.Pattern.compile("[\\p{L}\\p{N}\\p{Zs}+\\-=._:/@]*");

  /** Checks tags against S3's limits and returns an unmodifiable copy in the given order. */
  static Map<String, String> checkTags(Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return Map.of();
    }
    if (tags.size() > 10) {
      throw new ClientException("tags", "S3 allows at most 10 tags on an object, got " + tags.size());
    }
    Map<String, String> copy = new LinkedHashMap<>();
    tags.forEach((k, v) -> {
      if (k == null || k.isEmpty() || k.length() > 128) {
        throw new ClientException("tags", "a tag key must be 1 to 128 characters, was '" + k + "'");
      }
      String value = v == null ? "" : v;
      if (value.length() > 256) {
        throw new ClientException("tags", "the value of tag '" + k + "' is over 256 characters");
      }
      if (!TAG_TEXT.matcher(k).matches() || !TAG_TEXT.matcher(value).matches()) {
        throw new ClientException("tags", "tag '" + k + "=" + value + "' may hold only letters, digits, spaces and"
            + " + - = . _ : / @");
      }
      copy.put(k, value);
    });
    return Collections.unmodifiableMap(copy);
  }
}
