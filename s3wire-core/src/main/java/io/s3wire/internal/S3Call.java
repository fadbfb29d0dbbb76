package io.s3wire.internal;

import io.s3wire.http.HttpHeaders;
import io.s3wire.http.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One S3 operation as the operations layer means it, before defaults, quirks and signing: the
 * pipeline turns it into an {@code HttpRequest} once per attempt.
 *
 * @param operation the S3 operation name (PutObject, ...), for messages and traces
 * @param bucket the bucket, or {@code null} for ListBuckets
 * @param key the object key (raw, not encoded), or {@code null}
 * @param query query parameters in order, names and values raw (encoded when the URI is built); a
 *     {@code null} value is a bare name such as {@code ?uploads}
 * @param payloadSha256 the body's SHA-256 in lower-case hex when already known, or {@code null}
 * @param idempotent whether running it twice has the same effect as once (decides retries when the
 *     server may have processed a failed attempt)
 * @param listener hears this call's wire events besides the client's listener ({@code
 *     WireListener.NONE}: none)
 */
public record S3Call(
    String operation,
    String method,
    String bucket,
    String key,
    List<QueryParam> query,
    HttpHeaders headers,
    RequestBody body,
    String payloadSha256,
    boolean idempotent,
    io.s3wire.wire.WireListener listener) {

  public S3Call {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(method, "method");
    query = List.copyOf(query);
    headers = headers == null ? HttpHeaders.empty() : headers;
    body = body == null ? RequestBody.empty() : body;
    listener = listener == null ? io.s3wire.wire.WireListener.NONE : listener;
  }

  /** A query parameter; {@code value} is {@code null} for a bare name. */
  public record QueryParam(String name, String value) {}

  public static Builder builder(String operation, String method) {
    return new Builder(operation, method);
  }

  public S3Call withHeaders(HttpHeaders h) {
    return new S3Call(operation, method, bucket, key, query, h, body, payloadSha256, idempotent, listener);
  }

  public S3Call withBody(RequestBody b, String sha256) {
    return new S3Call(operation, method, bucket, key, query, headers, b, sha256, idempotent, listener);
  }

  /** What the call is about, for messages: {@code PutObject s3://b/k}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(operation);
    if (bucket != null) {
      sb.append(" s3://").append(bucket);
      if (key != null) {
        sb.append('/').append(key);
      }
    }
    return sb.toString();
  }

  /** Collects the parts of an {@link S3Call}. */
  public static final class Builder {
    private final String operation;
    private final String method;
    private String bucket;
    private String key;
    private final List<QueryParam> query = new ArrayList<>();
    private final HttpHeaders.Builder headers = HttpHeaders.builder();
    private RequestBody body = RequestBody.empty();
    private String payloadSha256;
    private boolean idempotent = true;
    private io.s3wire.wire.WireListener listener;

    private Builder(String operation, String method) {
      this.operation = operation;
      this.method = method;
    }

    public Builder bucket(String v) { bucket = v; return this; }
    public Builder key(String v) { key = v; return this; }
    public Builder query(String name, String value) { query.add(new QueryParam(name, value)); return this; }

    /** Adds a query parameter only when {@code value} is not {@code null}. */
    public Builder queryIfPresent(String name, Object value) {
      if (value != null) {
        query.add(new QueryParam(name, value.toString()));
      }
      return this;
    }

    public Builder header(String name, String value) { headers.add(name, value); return this; }

    /** Adds a header only when {@code value} is not {@code null}. */
    public Builder headerIfPresent(String name, String value) {
      if (value != null) {
        headers.add(name, value);
      }
      return this;
    }

    public Builder body(RequestBody v) { body = v; return this; }
    public Builder payloadSha256(String v) { payloadSha256 = v; return this; }
    public Builder idempotent(boolean v) { idempotent = v; return this; }
    public Builder listener(io.s3wire.wire.WireListener v) { listener = v; return this; }

    /** Marks header {@code name} sensitive: its value is redacted wherever it is printed. */
    public Builder sensitiveHeader(String name, String value) {
      headers.add(name, value).markSensitive(name);
      return this;
    }

    /** Whether a header of this name (any case) was added. */
    boolean hasHeader(String name) {
      return headers.build().contains(name);
    }

    /** Whether a query parameter of this name (exact case, as S3 compares them) was added. */
    boolean hasQuery(String name) {
      return query.stream().anyMatch(q -> q.name().equals(name));
    }

    public S3Call build() {
      return new S3Call(operation, method, bucket, key, query, headers.build(), body, payloadSha256, idempotent, listener);
    }
  }
}
