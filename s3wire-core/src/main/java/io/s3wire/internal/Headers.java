package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.Conditions;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import io.s3wire.http.HttpDate;
import io.s3wire.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Maps the operation records to S3 headers and back. Locale-independent throughout. */
final class Headers {
  static final String META_PREFIX = "x-amz-meta-";
  private Headers() {}

  /** Adds content type and the other content headers, cache control, storage class and user metadata. */
  static void metadata(S3Call.Builder b, ObjectMetadata m) {
    if (m == null) {
      return;
    }
    b.headerIfPresent("Content-Type", printable("content-type", m.contentType()));
    b.headerIfPresent("Cache-Control", printable("cache-control", m.cacheControl()));
    b.headerIfPresent("x-amz-storage-class", printable("storage-class", m.storageClass()));
    b.headerIfPresent("Content-Disposition", printable("content-disposition", m.contentDisposition()));
    b.headerIfPresent("Content-Encoding", printable("content-encoding", m.contentEncoding()));
    b.headerIfPresent("Content-Language", printable("content-language", m.contentLanguage()));
    if (m.expires() != null) {
      b.header("Expires", HttpDate.format(m.expires()));
    }
    m.userMetadata().forEach((name, value) -> b.header(META_PREFIX + name, value));
  }

  /** {@code value}, checked to be sendable in an HTTP/1.1 header. */
  private static String printable(String field, String value) {
    if (value != null && !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw new io.s3wire.error.ClientException(field, "must be printable ASCII, was '" + value + "'");
    }
    return value;
  }

  /** Adds preconditions under the given prefix ({@code ""} or {@code x-amz-copy-source-}). */
  static void conditions(S3Call.Builder b, Conditions c, String prefix) {
    if (c == null) {
      return;
    }
    if (c.ifMatch() != null) {
      b.header(prefix.isEmpty() ? "If-Match" : prefix + "if-match", quoted(c.ifMatch()));
    }
    if (c.ifNoneMatch() != null) {
      b.header(prefix.isEmpty() ? "If-None-Match" : prefix + "if-none-match", quoted(c.ifNoneMatch()));
    }
    if (c.ifModifiedSince() != null) {
      b.header(prefix.isEmpty() ? "If-Modified-Since" : prefix + "if-modified-since", HttpDate.format(c.ifModifiedSince()));
    }
    if (c.ifUnmodifiedSince() != null) {
      b.header(prefix.isEmpty() ? "If-Unmodified-Since" : prefix + "if-unmodified-since", HttpDate.format(c.ifUnmodifiedSince()));
    }
  }

  static String quoted(String etag) {
    return etag.equals("*") || etag.startsWith("\"") || etag.startsWith("W/") ? etag : '"' + etag + '"';
  }

  /** An ETag without its quotes. */
  static String unquoted(String etag) {
    if (etag == null) {
      return null;
    }
    String e = etag.trim();
    return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
  }

  static ObjectInfo objectInfo(BucketKey object, HttpHeaders h) {
    Map<String, String> user = new LinkedHashMap<>();
    Map<String, String> checksums = new LinkedHashMap<>();
    for (HttpHeaders.Field f : h.fields()) {
      String name = f.name().toLowerCase(Locale.ROOT);
      if (name.startsWith(META_PREFIX)) {
        user.put(name.substring(META_PREFIX.length()), f.value());
      } else if (name.startsWith("x-amz-checksum-") && !name.equals("x-amz-checksum-type")) {
        checksums.put(name.substring("x-amz-checksum-".length()), f.value().trim());
      }
    }
    ObjectMetadata meta = new ObjectMetadata(
        h.first("Content-Type").orElse(null),
        h.first("Cache-Control").orElse(null),
        h.first("x-amz-storage-class").orElse(null),
        user,
        h.first("Content-Disposition").orElse(null),
        h.first("Content-Encoding").orElse(null),
        h.first("Content-Language").orElse(null),
        h.first("Expires").flatMap(HttpDate::parse).orElse(null));
    long length = h.first("Content-Length").map(v -> Long.parseLong(v.trim())).orElse(-1L);
    return new ObjectInfo(
        object,
        length,
        unquoted(h.first("ETag").orElse(null)),
        h.first("Last-Modified").flatMap(HttpDate::parse).orElse(null),
        meta,
        h.first("Content-Range").orElse(null),
        h.first("x-amz-version-id").orElse(null),
        checksums,
        encryption(h),
        h.first(RequestHeaders.SSE_C + "key-MD5").orElse(null),
        h.first("x-amz-tagging-count").map(Headers::count).orElse(0));
  }

  /** The server-managed encryption a response reports, or {@code null}. */
  static io.s3wire.ServerSideEncryption encryption(HttpHeaders h) {
    String algorithm = h.first(RequestHeaders.SSE).map(String::trim).orElse(null);
    if (algorithm == null || algorithm.isEmpty()) {
      return null;
    }
    boolean kms = algorithm.startsWith("aws:kms");
    try {
      return new io.s3wire.ServerSideEncryption(algorithm,
          kms ? h.first(RequestHeaders.SSE + "-aws-kms-key-id").orElse(null) : null, Map.of(),
          kms ? h.first(RequestHeaders.SSE + "-bucket-key-enabled").map(v -> v.trim().equalsIgnoreCase("true"))
              .orElse(null) : null);
    } catch (io.s3wire.error.ClientException e) {
      // An algorithm S3 does not have (a peer's own): not one ServerSideEncryption can hold.
      return null;
    }
  }

  private static int count(String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
