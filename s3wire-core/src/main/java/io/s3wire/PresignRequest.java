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
  /**
   * Checks the components and makes a value that does not change: the method is upper-cased and the
   * query parameters copied into a sorted, unmodifiable map.
   *
   * @param method the HTTP method, any case
   * @param object the bucket and key
   * @param expires how long the URL works
   * @param queryParameters extra query parameters (copied)
   * @param signedHeaders headers the user of the URL must send
   * @throws NullPointerException when a component is {@code null}
   */
  public PresignRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(expires, "expires");
    method = method.toUpperCase(Locale.ROOT);
    queryParameters = java.util.Collections.unmodifiableMap(new TreeMap<>(queryParameters));
    Objects.requireNonNull(signedHeaders, "signedHeaders");
  }

  /**
   * A URL for downloading {@code object}.
   *
   * @param object the object
   * @param expires how long the URL works, 1 second to 7 days (checked when presigned)
   * @return the request, without extra headers or query parameters
   */
  public static PresignRequest get(BucketKey object, Duration expires) {
    return of("GET", object, expires);
  }

  /**
   * A URL for uploading {@code object} in one PUT.
   *
   * @param object the object to create or replace
   * @param expires how long the URL works, 1 second to 7 days (checked when presigned)
   * @return the request; add {@code content-type} with {@link #withHeader} to pin the uploader's type
   */
  public static PresignRequest put(BucketKey object, Duration expires) {
    return of("PUT", object, expires);
  }

  /**
   * A URL for reading {@code object}'s metadata.
   *
   * @param object the object
   * @param expires how long the URL works, 1 second to 7 days (checked when presigned)
   * @return the request
   */
  public static PresignRequest head(BucketKey object, Duration expires) {
    return of("HEAD", object, expires);
  }

  /**
   * A URL for deleting {@code object}.
   *
   * @param object the object
   * @param expires how long the URL works, 1 second to 7 days (checked when presigned)
   * @return the request
   */
  public static PresignRequest delete(BucketKey object, Duration expires) {
    return of("DELETE", object, expires);
  }

  /**
   * A URL for uploading part {@code partNumber} (1 to 10,000) of an open multipart upload.
   *
   * @param upload the upload the part belongs to
   * @param partNumber the part's number
   * @param expires how long the URL works, 1 second to 7 days (checked when presigned)
   * @return the request, with the {@code partNumber} and {@code uploadId} query parameters
   * @throws IllegalArgumentException when {@code partNumber} is outside 1 to 10,000
   */
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

  /**
   * This request with a header its user must send with exactly {@code value}.
   *
   * @param name the header name, case-insensitive
   * @param value the value, replacing one set before under that name
   * @return a new request; this one is unchanged
   */
  public PresignRequest withHeader(String name, String value) {
    return new PresignRequest(method, object, expires, queryParameters,
        signedHeaders.toBuilder().set(name, value).build());
  }

  /**
   * This request with a query parameter signed into the URL.
   *
   * @param name the parameter name, e.g. {@code response-content-disposition}; not {@code null}
   * @param value its value, replacing one set before; not {@code null}
   * @return a new request; this one is unchanged
   */
  public PresignRequest withQueryParameter(String name, String value) {
    Map<String, String> q = new TreeMap<>(queryParameters);
    q.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new PresignRequest(method, object, expires, q, signedHeaders);
  }

  /**
   * This request with another lifetime.
   *
   * @param other how long the URL works, 1 second to 7 days
   * @return a new request; this one is unchanged
   */
  public PresignRequest withExpires(Duration other) {
    return new PresignRequest(method, object, other, queryParameters, signedHeaders);
  }
}
