package io.s3wire;

import java.util.Objects;

/**
 * A server-side copy. With {@link MetadataDirective#COPY} the target keeps the source's metadata and
 * {@code metadata} must be {@link ObjectMetadata#NONE}; with {@code REPLACE} the target gets {@code
 * metadata}. {@code sourceConditions} are checked against the source ({@code
 * x-amz-copy-source-if-*}).
 */
public record CopyObjectRequest(
    BucketKey source, BucketKey target, MetadataDirective directive, ObjectMetadata metadata, Conditions sourceConditions) {
  public CopyObjectRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    directive = directive == null ? MetadataDirective.COPY : directive;
    metadata = metadata == null ? ObjectMetadata.NONE : metadata;
    sourceConditions = sourceConditions == null ? Conditions.NONE : sourceConditions;
    if (directive == MetadataDirective.COPY && !metadata.equals(ObjectMetadata.NONE)) {
      throw new io.s3wire.error.ClientException(
          "metadata directive", "COPY keeps the source's metadata; give metadata only with REPLACE");
    }
  }

  public static CopyObjectRequest of(BucketKey source, BucketKey target) {
    return new CopyObjectRequest(source, target, MetadataDirective.COPY, ObjectMetadata.NONE, Conditions.NONE);
  }

  public CopyObjectRequest replacing(ObjectMetadata newMetadata) {
    return new CopyObjectRequest(source, target, MetadataDirective.REPLACE, newMetadata, sourceConditions);
  }

  public CopyObjectRequest withSourceConditions(Conditions c) {
    return new CopyObjectRequest(source, target, directive, metadata, c);
  }
}
