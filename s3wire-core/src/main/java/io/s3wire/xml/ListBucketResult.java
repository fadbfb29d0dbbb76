package io.s3wire.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to ListObjects: version 2 ({@code list-type=2}) or version 1.
 *
 * <p>Names are held decoded: when {@link #encodingType()} is {@code url} the reader decodes Key,
 * Prefix, Delimiter, StartAfter, Marker, NextMarker and each common prefix, and the writer encodes
 * them again. Continuation tokens are opaque and never encoded.
 *
 * @param version which ListObjects answered
 * @param prefix the request's prefix; {@code ""} when none (S3 writes an empty element)
 * @param delimiter the delimiter, or {@code null}
 * @param maxKeys the page size the server applied
 * @param encodingType {@code url} or {@code null}
 * @param truncated whether more pages follow
 * @param continuationToken v2: the token this page was asked with, or {@code null}
 * @param nextContinuationToken v2: the token for the next page, or {@code null}
 * @param startAfter v2: the start-after of the request, or {@code null}
 * @param keyCount v2: keys plus common prefixes on this page, or {@code null} (v1)
 * @param marker v1: the marker of the request, or {@code null}
 * @param nextMarker v1: the marker for the next page (only with a delimiter), or {@code null}
 */
public record ListBucketResult(
    ListVersion version,
    String name,
    String prefix,
    String delimiter,
    int maxKeys,
    String encodingType,
    boolean truncated,
    List<ObjectSummary> contents,
    List<String> commonPrefixes,
    String continuationToken,
    String nextContinuationToken,
    String startAfter,
    Integer keyCount,
    String marker,
    String nextMarker) {

  /** Which ListObjects API produced the document. */
  public enum ListVersion {
    V1,
    V2
  }

  public ListBucketResult {
    prefix = prefix == null ? "" : prefix;
    contents = contents == null ? List.of() : List.copyOf(contents);
    commonPrefixes = commonPrefixes == null ? List.of() : List.copyOf(commonPrefixes);
  }

  /** Whether keys and prefixes travel url-encoded. */
  public boolean urlEncoded() {
    return "url".equalsIgnoreCase(encodingType);
  }

  public static Builder builder(ListVersion version, String bucket) {
    return new Builder(version, bucket);
  }

  /** Collects a ListBucketResult; {@code maxKeys} defaults to 1000, {@code prefix} to "". */
  public static final class Builder {
    private final ListVersion version;
    private final String name;
    private String prefix = "";
    private String delimiter;
    private int maxKeys = 1000;
    private String encodingType;
    private boolean truncated;
    private final List<ObjectSummary> contents = new ArrayList<>();
    private final List<String> commonPrefixes = new ArrayList<>();
    private String continuationToken;
    private String nextContinuationToken;
    private String startAfter;
    private Integer keyCount;
    private String marker;
    private String nextMarker;

    private Builder(ListVersion version, String name) {
      this.version = version;
      this.name = name;
    }

    public Builder prefix(String v) { prefix = v; return this; }
    public Builder delimiter(String v) { delimiter = v; return this; }
    public Builder maxKeys(int v) { maxKeys = v; return this; }
    public Builder encodingType(String v) { encodingType = v; return this; }
    public Builder truncated(boolean v) { truncated = v; return this; }
    public Builder addContents(ObjectSummary v) { contents.add(v); return this; }
    public Builder contents(List<ObjectSummary> v) { contents.clear(); contents.addAll(v); return this; }
    public Builder addCommonPrefix(String v) { commonPrefixes.add(v); return this; }
    public Builder commonPrefixes(List<String> v) { commonPrefixes.clear(); commonPrefixes.addAll(v); return this; }
    public Builder continuationToken(String v) { continuationToken = v; return this; }
    public Builder nextContinuationToken(String v) { nextContinuationToken = v; return this; }
    public Builder startAfter(String v) { startAfter = v; return this; }
    /** v2 only; when not set, {@link #build()} counts contents plus common prefixes for v2. */
    public Builder keyCount(Integer v) { keyCount = v; return this; }
    public Builder marker(String v) { marker = v; return this; }
    public Builder nextMarker(String v) { nextMarker = v; return this; }

    public ListBucketResult build() {
      Integer kc = keyCount;
      if (kc == null && version == ListVersion.V2) {
        kc = contents.size() + commonPrefixes.size();
      }
      return new ListBucketResult(version, name, prefix, delimiter, maxKeys, encodingType, truncated, contents,
          commonPrefixes, continuationToken, nextContinuationToken, startAfter, kc, marker, nextMarker);
    }
  }
}
