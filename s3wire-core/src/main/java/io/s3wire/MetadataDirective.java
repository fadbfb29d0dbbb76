package io.s3wire;

/** Whether a copy keeps the source's metadata or takes the request's ({@code x-amz-metadata-directive}). */
public enum MetadataDirective {
  /**
   * Keeps the source's metadata (the default); a request giving metadata as well is refused before sending.
   */
  COPY,
  /**
   * Stores the request's metadata instead of the source's (the way to change an object's metadata in place).
   */
  REPLACE
}
