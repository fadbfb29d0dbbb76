package io.s3wire;

/** Whether a copy keeps the source's metadata or takes the request's ({@code x-amz-metadata-directive}). */
public enum MetadataDirective {
  COPY,
  REPLACE
}
