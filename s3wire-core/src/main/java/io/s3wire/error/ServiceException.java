package io.s3wire.error;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server answered with an error status. S3 fields come from the error XML body when there is
 * one; without a body (HEAD, a front end's HTML page) they are {@code null} and {@link #rawBody()}
 * holds what came. A server that sends a code with an empty {@code <Message>} (Ceph RGW) gets the
 * code's meaning in words in {@link #getMessage()}; {@link #errorMessage()} stays what the server sent.
 */
public final class ServiceException extends S3Exception {
  private final int status;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final String hostId;
  private final String resource;
  private final String serverStringToSign;
  private final String serverCanonicalRequest;
  private final String rawBody;
  private final String bucketRegion;
  private final Duration clockSkew;
  private final Map<String, String> details;
  private final String signedStringToSign;
  private final List<String> signedHeaders;

  private ServiceException(Builder b) {
    super(message(b), refusedUnprocessed(b) ? RetrySafety.UNPROCESSED : RetrySafety.PROCESSED, null);
    this.status = b.status;
    this.errorCode = b.errorCode;
    this.errorMessage = b.errorMessage;
    this.requestId = b.requestId;
    this.hostId = b.hostId;
    this.resource = b.resource;
    this.serverStringToSign = b.serverStringToSign;
    this.serverCanonicalRequest = b.serverCanonicalRequest;
    this.rawBody = b.rawBody;
    this.bucketRegion = b.bucketRegion;
    this.clockSkew = b.clockSkew;
    this.details = b.details;
    this.signedStringToSign = b.signedStringToSign;
    this.signedHeaders = b.signedHeaders;
  }

  private static String message(Builder b) {
    StringBuilder sb = new StringBuilder().append(b.status);
    if (b.errorCode != null) {
      sb.append(' ').append(b.errorCode);
    }
    ServiceErrorCode words = ServiceErrorCode.of(b.errorCode);
    if (b.errorMessage != null) {
      sb.append(": ").append(b.errorMessage);
    } else if (words != ServiceErrorCode.UNKNOWN) {
      sb.append(": ").append(Character.toUpperCase(words.meaning().charAt(0))).append(words.meaning(), 1,
          words.meaning().length());
    }
    if (b.resource != null) {
      sb.append(" (").append(b.resource).append(')');
    }
    if (b.requestId != null) {
      sb.append(" [request id ").append(b.requestId).append(']');
    }
    return sb.toString();
  }

  public static Builder builder(int status) {
    return new Builder(status);
  }

  public int status() { return status; }
  /** The S3 error code as the server sent it, e.g. {@code NoSuchKey}, or {@code null}. */
  public String errorCode() { return errorCode; }

  /** The error code typed; {@link ServiceErrorCode#UNKNOWN} for a code not in the list, or none. */
  public ServiceErrorCode code() { return ServiceErrorCode.of(errorCode); }

  /**
   * Whether what was addressed does not exist: status 404 (a HEAD's 404 has no code), or one of
   * NoSuchBucket, NoSuchKey, NoSuchUpload, NoSuchVersion.
   */
  public boolean isNotFound() {
    ServiceErrorCode c = code();
    return status == 404 || c == ServiceErrorCode.NO_SUCH_BUCKET || c == ServiceErrorCode.NO_SUCH_KEY
        || c == ServiceErrorCode.NO_SUCH_UPLOAD || c == ServiceErrorCode.NO_SUCH_VERSION;
  }

  /** Whether a condition of the request did not hold: 412 PreconditionFailed (a write's or a read's). */
  public boolean isPreconditionFailed() {
    return status == 412 || code() == ServiceErrorCode.PRECONDITION_FAILED;
  }

  /** Whether the server refused the credentials or what they may do: 403, or one of the credential codes. */
  public boolean isAccessDenied() {
    ServiceErrorCode c = code();
    return status == 403 || c == ServiceErrorCode.ACCESS_DENIED || c == ServiceErrorCode.INVALID_ACCESS_KEY_ID
        || c == ServiceErrorCode.SIGNATURE_DOES_NOT_MATCH || c == ServiceErrorCode.EXPIRED_TOKEN
        || c == ServiceErrorCode.INVALID_TOKEN;
  }

  /** Whether the server asks for fewer requests: 429, 503 or SlowDown. */
  /**
   * A throttling answer (429, 503 SlowDown or ServiceUnavailable) refuses the request before any work:
   * S3 asks the caller to send it again later, so even a non-idempotent request is safe to replay.
   */
  private static boolean refusedUnprocessed(Builder b) {
    return b.status == 429 || (b.status == 503 && (b.errorCode == null || "SlowDown".equals(b.errorCode)
        || "ServiceUnavailable".equals(b.errorCode)));
  }

  public boolean isThrottling() {
    return status == 429 || status == 503 || code() == ServiceErrorCode.SLOW_DOWN;
  }
  public String errorMessage() { return errorMessage; }
  public String requestId() { return requestId; }
  public String hostId() { return hostId; }
  public String resource() { return resource; }
  /** For SignatureDoesNotMatch: the string to sign the server computed, when it sent it. */
  public String serverStringToSign() { return serverStringToSign; }
  /** For SignatureDoesNotMatch: the canonical request the server computed, when it sent it. */
  public String serverCanonicalRequest() { return serverCanonicalRequest; }
  /** The body as received when it was not S3 error XML (truncated), or {@code null}. */
  public String rawBody() { return rawBody; }

  /**
   * The region the answer says the bucket lives in ({@code x-amz-bucket-region}, or {@code <Region>}
   * in the body), or {@code null}.
   */
  public String bucketRegion() { return bucketRegion; }

  /**
   * How far the server's clock ({@code Date} of the answer) is ahead of this machine's (negative:
   * behind), as measured when the answer came; {@code null} when not measured.
   */
  public Duration clockSkew() { return clockSkew; }

  /**
   * The other elements of the error body by name, in document order (e.g. {@code BucketName},
   * {@code ProposedSize}, {@code RangeRequested}); never {@code null}. Elements that carry secrets
   * (the signature provided, a session token) are left out.
   */
  public Map<String, String> details() { return details; }

  /** For SignatureDoesNotMatch: the string to sign this client signed (holds no secret), or {@code null}. */
  public String signedStringToSign() { return signedStringToSign; }

  /** For SignatureDoesNotMatch: the header names this client signed, lower-case; empty when unknown. */
  public List<String> signedHeaders() { return signedHeaders; }

  /** A builder holding this exception's fields, to add what a later layer knows (its attempts are not copied). */
  public Builder toBuilder() {
    return builder(status).errorCode(errorCode).errorMessage(errorMessage).requestId(requestId).hostId(hostId)
        .resource(resource).serverStringToSign(serverStringToSign).serverCanonicalRequest(serverCanonicalRequest)
        .rawBody(rawBody).bucketRegion(bucketRegion).clockSkew(clockSkew).details(details)
        .signed(signedStringToSign, signedHeaders);
  }

  @Override
  public boolean isRetryable() {
    if (status == 500 || status == 502 || status == 503 || status == 504 || status == 429) {
      return true;
    }
    return "SlowDown".equals(errorCode) || "RequestTimeout".equals(errorCode) || "InternalError".equals(errorCode);
  }

  @Override
  public String explain() {
    StringBuilder sb = new StringBuilder("The server answered ").append(getMessage()).append('.');
    if (errorCode == null && rawBody != null) {
      sb.append(" The body is not S3 error XML, so something in front of the S3 service (a proxy or load balancer) answered.");
    }
    if (status == 400) {
      List<Attempt> all = attempts();
      boolean h2 = !all.isEmpty() && all.get(all.size() - 1).protocol() == io.s3wire.http.HttpProtocol.HTTP_2;
      if (errorCode != null) {
        // The S3 service read the request and refused what it asks: its content, not its HTTP framing.
        sb.append(h2 ? " HTTP/2 answered :status 400 with a body of S3 error XML:" : " HTTP/1.1 400 Bad Request with S3 error XML:")
            .append(" the S3 service refused the request's content (").append(errorCode)
            .append("), which is not an HTTP protocol error;");
      } else {
        sb.append(h2
            ? " HTTP/2 answered :status 400 with a body: the server considers the request malformed (other HTTP/2 servers"
                + " reset such a stream with RST_STREAM(PROTOCOL_ERROR) instead);"
            : " HTTP/1.1 400 Bad Request: the server considers the request malformed (on HTTP/2 the same can arrive as"
                + " RST_STREAM(PROTOCOL_ERROR) before any response);");
      }
      sb.append(" it will fail the same way until the request changes.");
    }
    ServiceErrorCode words = code();
    if (words == ServiceErrorCode.UNKNOWN && errorCode == null && status == 404) {
      sb.append(" A 404 without an error code (HEAD answers have no body): the bucket or the object does not exist;"
          + " check the bucket's name, the key (its case and any prefix), the endpoint and the region.");
    }
    String specific = ServiceExplanations.of(this);
    if (specific != null) {
      sb.append(' ').append(specific);
    } else if (words.advice() != null) {
      sb.append(" To fix: ").append(words.advice()).append('.');
    }
    return sb.toString();
  }

  /** Builds a {@link ServiceException}. */
  public static final class Builder {
    private final int status;
    private String errorCode;
    private String errorMessage;
    private String requestId;
    private String hostId;
    private String resource;
    private String serverStringToSign;
    private String serverCanonicalRequest;
    private String rawBody;
    private String bucketRegion;
    private Duration clockSkew;
    private Map<String, String> details = Map.of();
    private String signedStringToSign;
    private List<String> signedHeaders = List.of();

    private Builder(int status) {
      this.status = status;
    }

    public Builder errorCode(String v) { errorCode = v; return this; }
    public Builder errorMessage(String v) { errorMessage = v; return this; }
    public Builder requestId(String v) { requestId = v; return this; }
    public Builder hostId(String v) { hostId = v; return this; }
    public Builder resource(String v) { resource = v; return this; }
    public Builder serverStringToSign(String v) { serverStringToSign = v; return this; }
    public Builder serverCanonicalRequest(String v) { serverCanonicalRequest = v; return this; }
    public Builder rawBody(String v) { rawBody = v; return this; }
    /** The region the answer names for the bucket, or {@code null}. */
    public Builder bucketRegion(String v) { bucketRegion = v; return this; }
    /** Server clock minus local clock when the answer came, or {@code null}. */
    public Builder clockSkew(Duration v) { clockSkew = v; return this; }

    /** The body's other elements; those whose name speaks of a signature, token or secret are dropped. */
    public Builder details(Map<String, String> v) {
      Map<String, String> kept = new LinkedHashMap<>();
      if (v != null) {
        v.forEach((name, value) -> {
          String n = name.toLowerCase(Locale.ROOT);
          if (!n.contains("signature") && !n.contains("token") && !n.contains("secret")) {
            kept.put(name, value);
          }
        });
      }
      details = Collections.unmodifiableMap(kept);
      return this;
    }

    /** What this client signed: its string to sign and signed header names (neither is secret). */
    public Builder signed(String stringToSign, List<String> headerNames) {
      signedStringToSign = stringToSign;
      signedHeaders = headerNames == null ? List.of() : List.copyOf(headerNames);
      return this;
    }

    /** Builds; an empty or blank message, resource or code counts as none (Ceph RGW sends empty elements). */
    public ServiceException build() {
      errorCode = blankToNull(errorCode);
      errorMessage = blankToNull(errorMessage);
      resource = blankToNull(resource);
      return new ServiceException(this);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
