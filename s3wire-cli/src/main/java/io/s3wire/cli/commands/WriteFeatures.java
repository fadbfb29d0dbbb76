package io.s3wire.cli.commands;

import io.s3wire.CopyObjectRequest;
import io.s3wire.CustomerKey;
import io.s3wire.ObjectAcl;
import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectRequest;
import io.s3wire.ServerSideEncryption;
import java.util.Map;

/**
 * The checked request features of a {@code cp}/{@code mv} ({@link WriteOptions}), as a value the
 * tests can assert, and how they go onto the core's request values.
 *
 * @param encryption {@code --sse} (with {@code --sse-kms-key-id}), or {@code null}
 * @param customerKey {@code --sse-c-key-file}, or {@code null}
 * @param tags {@code --tag} pairs
 * @param acl {@code --acl}, or {@code null}
 * @param cacheControl {@code --cache-control}, or {@code null}
 * @param contentDisposition {@code --content-disposition}, or {@code null}
 * @param contentEncoding {@code --content-encoding}, or {@code null}
 */
record WriteFeatures(ServerSideEncryption encryption, CustomerKey customerKey, Map<String, String> tags, ObjectAcl acl,
    String cacheControl, String contentDisposition, String contentEncoding) {
  static final WriteFeatures NONE = new WriteFeatures(null, null, Map.of(), null, null, null, null);

  WriteFeatures {
    tags = Map.copyOf(tags);
  }

  /** These features without the SSE-C key (which a download reads with instead). */
  WriteFeatures withoutCustomerKey() {
    return new WriteFeatures(encryption, null, tags, acl, cacheControl, contentDisposition, contentEncoding);
  }

  /** Whether a content header was given (a server-side copy then replaces the metadata). */
  boolean givesMetadata() {
    return cacheControl != null || contentDisposition != null || contentEncoding != null;
  }

  /** Whether anything was given that a multipart copy cannot pass on. */
  boolean given() {
    return !equals(NONE);
  }

  /** {@code m} with the content headers given. */
  ObjectMetadata onto(ObjectMetadata m) {
    ObjectMetadata r = m;
    if (cacheControl != null) {
      r = r.withCacheControl(cacheControl);
    }
    if (contentDisposition != null) {
      r = r.withContentDisposition(contentDisposition);
    }
    if (contentEncoding != null) {
      r = r.withContentEncoding(contentEncoding);
    }
    return r;
  }

  /** A write of {@code p}'s object with these features' tags, ACL and encryption. */
  PutObjectRequest onto(PutObjectRequest p) {
    return p.withTags(tags).withAcl(acl).withEncryption(encryption).withCustomerKey(customerKey);
  }

  /** A copy with these features on its target (tags replace the source's only when given). */
  CopyObjectRequest onto(CopyObjectRequest c) {
    CopyObjectRequest r = c.withAcl(acl).withEncryption(encryption).withCustomerKey(customerKey);
    return tags.isEmpty() ? r : r.withTags(tags);
  }
}
