package io.s3wire;

import io.s3wire.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a presigned URL allows: one request ({@code GET}, {@code PUT}, {@code HEAD}, {@code DELETE}
 * on an object, or {@code PUT} of one part of a multipart upload) until it expires.
 *
 * <p>Headers given with {@link #withHeader} are signed: whoever uses the URL must send them with
 * exactly these values (e.g. {@code content-type} on a PUT). Query parameters given with
 * {@link #withQueryParameter} are signed into the URL (e.g. {@code response-content-disposition}).
 * Immutable; the factories and withers return new values.
 *
 * @param method the HTTP method the URL is for
 * @param object the bucket and key
 * @param expires how long the URL works: 1 second to 7 days
 * @param queryParameters extra query parameters, signed
 * @param signedHeaders headers the user of the URL must send, signed
 */
public record PresignRequest(String method, BucketKey object, Duration expires, Map<String, String> queryParameters,
    HttpHeaders signedHeaders) {
  public PresignRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(expires, "expires");
    method = method.toUpperCase(Locale.ROOT);
    queryParameters = java.util.Collections.unmodifiableMap(new TreeMap<>(queryParameters));
    Objects.requireNonNull(signedHeaders, "signedHeaders");
  }

  /** A URL for downloading {@code object}. */
  public static PresignRequest get(BucketKey object, Duration expires) {
    return of("GET", object, expires);
  }

  /** A URL for uploading {@code object} in one PUT. */
  public static PresignRequest put(BucketKey object, Duration expires) {
    return of("PUT", object, expires);
  }

  /** A URL for reading {@code object}'s metadata. */
  public static PresignRequest head(BucketKey object, Duration expires) {
    return of("HEAD", object, expires);
  }

  /** A URL for deleting {@code object}. */
  public static PresignRequest delete(BucketKey object, Duration expires) {
    return of("DELETE", object, expires);
  }

  /** A URL for uploading part {@code partNumber} (1 to 10,000) of an open multipart upload. */
  public static PresignRequest uploadPart(MultipartUpload upload, int partNumber, Duration expires) {
    if (partNumber < 1 || partNumber > 10_000) {
      throw new IllegalArgumentException("a part number is 1 to 10000, not " + partNumber);
    }
    return of("PUT", upload.object(), expires)
        .withQueryParameter("partNumber", Integer.toString(partNumber))
        .withQueryParameter("uploadId", upload.uploadId());
  }

  private static PresignRequest of(String method, BucketKey object, Duration expires) {
    return new PresignRequest(method, object, expires, Map.of(), HttpHeaders.empty());
  }

  /** This request with a header its user must send with exactly {@code value}. */
  public PresignRequest withHeader(String name, String value) {
    return new PresignRequest(method, object, expires, queryParameters,
        signedHeaders.toBuilder().set(name, value).build());
  }

  /** This request with a query parameter signed into the URL. */
  public PresignRequest withQueryParameter(String name, String value) {
    Map<String, String> q = new TreeMap<>(queryParameters);
    q.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new PresignRequest(method, object, expires, q, signedHeaders);
  }

  /** This request with another lifetime. */
  public PresignRequest withExpires(Duration other) {
    return new PresignRequest(method, object, other, queryParameters, signedHeaders);
  }
}
