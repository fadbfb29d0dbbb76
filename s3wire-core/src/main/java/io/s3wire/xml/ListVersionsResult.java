package io.s3wire.xml;

import java.util.List;

/**
 * The answer to ListObjectVersions ({@code GET /bucket?versions}). Versions and delete markers
 * stay in one list, in document order, as S3 interleaves them. {@code prefix} is {@code ""} when
 * none; with {@code encoding-type=url} keys, markers, prefix and delimiter are held decoded.
 */
public record ListVersionsResult(
    String name,
    String prefix,
    String keyMarker,
    String versionIdMarker,
    String nextKeyMarker,
    String nextVersionIdMarker,
    int maxKeys,
    String delimiter,
    String encodingType,
    boolean truncated,
    List<ObjectVersion> versions,
    List<String> commonPrefixes) {

  public ListVersionsResult {
    prefix = prefix == null ? "" : prefix;
    versions = versions == null ? List.of() : List.copyOf(versions);
    commonPrefixes = commonPrefixes == null ? List.of() : List.copyOf(commonPrefixes);
  }

  /** Whether keys and prefixes travel url-encoded. */
  public boolean urlEncoded() {
    return "url".equalsIgnoreCase(encodingType);
  }
}
