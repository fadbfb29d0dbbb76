package io.s3wire;

import java.util.Map;
import java.util.Objects;

/**
 * A server-side copy. With {@link MetadataDirective#COPY} the target keeps the source's metadata and
 * {@code metadata} must be {@link ObjectMetadata#NONE}; with {@code REPLACE} the target gets {@code
 * metadata}. {@code sourceConditions} are checked against the source ({@code
 * x-amz-copy-source-if-*}).
 *
 * @param source the object copied
 * @param target where the copy goes
 * @param directive whether the target keeps the source's metadata ({@code x-amz-metadata-directive})
 * @param metadata the target's metadata with {@code REPLACE}
 * @param sourceConditions preconditions on the source
 * @param sourceVersionId the source's version ({@code ?versionId=} on {@code x-amz-copy-source}), or
 *     {@code null} for its current one
 * @param sourceCustomerKey the SSE-C key the source was written with, or {@code null}
 * @param tags the target's tags, replacing the source's ({@code x-amz-tagging-directive: REPLACE}),
 *     or {@code null} to keep the source's
 * @param acl the target's ACL, or {@code null}
 * @param encryption the target's server-managed encryption, or {@code null}
 * @param customerKey the target's SSE-C key, or {@code null}; refused together with {@code encryption}
 * @param options extra headers and query parameters, and a listener for this call
 */
public record CopyObjectRequest(
    BucketKey source,
    BucketKey target,
    MetadataDirective directive,
    ObjectMetadata metadata,
    Conditions sourceConditions,
    String sourceVersionId,
    CustomerKey sourceCustomerKey,
    Map<String, String> tags,
    ObjectAcl acl,
    ServerSideEncryption encryption,
    CustomerKey customerKey,
    CallOptions options) {

  /**
   * Checks the request.
   *
   * @throws io.s3wire.error.ClientException naming the field for metadata given with {@code COPY},
   *     bad tags, a bad version id, or server-managed encryption given with a customer key
   * @param source the object copied
   * @param target where it goes
   * @param directive the metadata directive
   * @param metadata the metadata
   * @param sourceConditions preconditions on the source
   * @param sourceVersionId the source's version, or {@code null} for its current one
   * @param sourceCustomerKey the SSE-C key the source was written with, or {@code null}
   * @param tags the tags
   * @param acl the target's canned ACL or grants, or {@code null}
   * @param encryption SSE-S3 or SSE-KMS for the target, or {@code null}
   * @param customerKey the SSE-C key for the target, or {@code null}
   * @param options extra headers and query parameters, and a listener for this call
   */
  public CopyObjectRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    directive = directive == null ? MetadataDirective.COPY : directive;
    metadata = metadata == null ? ObjectMetadata.NONE : metadata;
    sourceConditions = sourceConditions == null ? Conditions.NONE : sourceConditions;
    sourceVersionId = VersionIds.check(sourceVersionId);
    tags = tags == null ? null : PutObjectRequest.checkTags(tags);
    options = options == null ? CallOptions.NONE : options;
    if (directive == MetadataDirective.COPY && !metadata.equals(ObjectMetadata.NONE)) {
      throw new io.s3wire.error.ClientException(
          "metadata directive", "COPY keeps the source's metadata; give metadata only with REPLACE");
    }
    if (encryption != null && customerKey != null) {
      throw new io.s3wire.error.ClientException("sse", "give server-side encryption (" + encryption.algorithm()
          + ") or a customer key (SSE-C) for the target, not both");
    }
  }

  /**
   * A copy of the five first fields (the form before versions, tags, ACLs and encryption).
   *
   * @param source the object copied
   * @param target where it goes
   * @param directive the metadata directive
   * @param metadata the metadata
   * @param sourceConditions preconditions on the source
   */
  public CopyObjectRequest(BucketKey source, BucketKey target, MetadataDirective directive, ObjectMetadata metadata,
      Conditions sourceConditions) {
    this(source, target, directive, metadata, sourceConditions, null, null, null, null, null, null, CallOptions.NONE);
  }

  /**
   * A copy that keeps the source's metadata and tags.
   *
   * @param source the object copied
   * @param target where it goes
   * @return the copy object request
   */
  public static CopyObjectRequest of(BucketKey source, BucketKey target) {
    return new CopyObjectRequest(source, target, MetadataDirective.COPY, ObjectMetadata.NONE, Conditions.NONE);
  }

  /**
   * This copy with the target's metadata replaced by {@code newMetadata}.
   *
   * @param newMetadata the target's metadata
   * @return a copy with that change
   */
  public CopyObjectRequest replacing(ObjectMetadata newMetadata) {
    return new CopyObjectRequest(source, target, MetadataDirective.REPLACE, newMetadata, sourceConditions,
        sourceVersionId, sourceCustomerKey, tags, acl, encryption, customerKey, options);
  }

  /**
   * This copy under preconditions on the source.
   *
   * @param c the preconditions
   * @return a copy with that change
   */
  public CopyObjectRequest withSourceConditions(Conditions c) {
    return new CopyObjectRequest(source, target, directive, metadata, c, sourceVersionId, sourceCustomerKey, tags,
        acl, encryption, customerKey, options);
  }

  /**
   * This copy of one version of the source.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withSourceVersionId(String v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, v, sourceCustomerKey, tags,
        acl, encryption, customerKey, options);
  }

  /**
   * This copy of a source written with an SSE-C key.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withSourceCustomerKey(CustomerKey v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, sourceVersionId, v, tags,
        acl, encryption, customerKey, options);
  }

  /**
   * This copy with the target tagged {@code v} instead of keeping the source's tags.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withTags(Map<String, String> v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, sourceVersionId,
        sourceCustomerKey, Objects.requireNonNull(v, "tags"), acl, encryption, customerKey, options);
  }

  /**
   * This copy with an ACL for the target.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withAcl(ObjectAcl v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, sourceVersionId,
        sourceCustomerKey, tags, v, encryption, customerKey, options);
  }

  /**
   * This copy with the target encrypted by the server's keys.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withEncryption(ServerSideEncryption v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, sourceVersionId,
        sourceCustomerKey, tags, acl, v, customerKey, options);
  }

  /**
   * This copy with the target encrypted by the caller's key (SSE-C).
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withCustomerKey(CustomerKey v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, sourceVersionId,
        sourceCustomerKey, tags, acl, encryption, v, options);
  }

  /**
   * This copy with extras and a listener.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CopyObjectRequest withOptions(CallOptions v) {
    return new CopyObjectRequest(source, target, directive, metadata, sourceConditions, sourceVersionId,
        sourceCustomerKey, tags, acl, encryption, customerKey, v);
  }
}
