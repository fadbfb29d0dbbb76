package io.s3wire.xml;

import java.util.List;

/**
 * The answer to ListMultipartUploads ({@code GET /bucket?uploads}). With {@code encoding-type=url}
 * the reader decodes keys, markers, prefix and delimiter, and the writer encodes them.
 */
public record ListMultipartUploadsResult(
    String bucket,
    String keyMarker,
    String uploadIdMarker,
    String nextKeyMarker,
    String nextUploadIdMarker,
    String prefix,
    String delimiter,
    int maxUploads,
    String encodingType,
    boolean truncated,
    List<MultipartUploadSummary> uploads,
    List<String> commonPrefixes) {

  public ListMultipartUploadsResult {
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
    commonPrefixes = commonPrefixes == null ? List.of() : List.copyOf(commonPrefixes);
  }

  /** Whether keys and prefixes travel url-encoded. */
  public boolean urlEncoded() {
    return "url".equalsIgnoreCase(encodingType);
  }
}
