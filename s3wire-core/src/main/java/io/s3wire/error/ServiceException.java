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
  /** The HTTP status code. */
  private final int status;
  /** {@code <Code>} as sent, or null. */
  private final String errorCode;
  /** {@code <Message>} as sent, or null when empty or absent. */
  private final String errorMessage;
  /** The server's request id, or null. */
  private final String requestId;
  /** The server's extended request id, or null. */
  private final String hostId;
  /** {@code <Resource>}, or the addressed resource, or null. */
  private final String resource;
  /** The server's string to sign (SignatureDoesNotMatch), or null. */
  private final String serverStringToSign;
  /** The server's canonical request, redacted (SignatureDoesNotMatch), or null. */
  private final String serverCanonicalRequest;
  /** A body that was not S3 error XML, truncated and masked, or null. */
  private final String rawBody;
  /** The region the answer names for the bucket, or null. */
  private final String bucketRegion;
  /** Server clock minus local clock when the answer came, or null. */
  private final Duration clockSkew;
  /** The body's other elements, without secret-bearing ones; unmodifiable. */
  private final Map<String, String> details;
  /** What this client signed (SignatureDoesNotMatch), or null. */
  private final String signedStringToSign;
  /** The header names this client signed; unmodifiable, possibly empty. */
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

  /**
   * A builder for an answer with HTTP status {@code status}; the other fields start empty.
   *
   * @param status the HTTP status code, e.g. {@code 404}
   * @return a new builder, not shared
   */
  public static Builder builder(int status) {
    return new Builder(status);
  }

  /**
   * The HTTP status code of the answer.
   *
   * @return e.g. {@code 404}; the same on HTTP/1.1 and HTTP/2
   */
  public int status() { return status; }
  /**
   * The S3 error code as the server sent it, untyped, for codes {@link ServiceErrorCode} does not list.
   *
   * @return e.g. {@code NoSuchKey}, or {@code null} when the answer had no error XML
   */
  public String errorCode() { return errorCode; }

  /**
   * The error code typed, for switching on.
   *
   * @return the constant; {@link ServiceErrorCode#UNKNOWN} for a code not in the list, or none
   */
  public ServiceErrorCode code() { return ServiceErrorCode.of(errorCode); }

  /**
   * Whether what was addressed does not exist: status 404 (a HEAD's 404 has no code), or one of
   * NoSuchBucket, NoSuchKey, NoSuchUpload, NoSuchVersion.
   *
   * @return {@code true} when the bucket, object, upload or version is missing
   */
  public boolean isNotFound() {
    ServiceErrorCode c = code();
    return status == 404 || c == ServiceErrorCode.NO_SUCH_BUCKET || c == ServiceErrorCode.NO_SUCH_KEY
        || c == ServiceErrorCode.NO_SUCH_UPLOAD || c == ServiceErrorCode.NO_SUCH_VERSION;
  }

  /**
   * Whether a condition of the request did not hold: 412 PreconditionFailed (a write's or a read's).
   *
   * @return {@code true} for a 412 or a PreconditionFailed code
   */
  public boolean isPreconditionFailed() {
    return status == 412 || code() == ServiceErrorCode.PRECONDITION_FAILED;
  }

  /**
   * Whether the server refused the credentials or what they may do: 403, or one of the credential codes.
   *
   * @return {@code true} for a 403, AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch,
   *     ExpiredToken or InvalidToken
   */
  public boolean isAccessDenied() {
    ServiceErrorCode c = code();
    return status == 403 || c == ServiceErrorCode.ACCESS_DENIED || c == ServiceErrorCode.INVALID_ACCESS_KEY_ID
        || c == ServiceErrorCode.SIGNATURE_DOES_NOT_MATCH || c == ServiceErrorCode.EXPIRED_TOKEN
        || c == ServiceErrorCode.INVALID_TOKEN;
  }

  /**
   * A throttling answer (429, 503 SlowDown or ServiceUnavailable) refuses the request before any work:
   * S3 asks the caller to send it again later, so even a non-idempotent request is safe to replay.
   */
  private static boolean refusedUnprocessed(Builder b) {
    return b.status == 429 || (b.status == 503 && (b.errorCode == null || "SlowDown".equals(b.errorCode)
        || "ServiceUnavailable".equals(b.errorCode)));
  }

  /**
   * Whether the server asks for fewer requests: 429, 503 or SlowDown.
   *
   * @return {@code true} when the caller should back off before sending again
   */
  public boolean isThrottling() {
    return status == 429 || status == 503 || code() == ServiceErrorCode.SLOW_DOWN;
  }
  /**
   * The {@code <Message>} exactly as the server sent it; {@link #getMessage()} adds the code's
   * meaning when it is empty.
   *
   * @return the server's words, or {@code null} when it sent none (or an empty element)
   */
  public String errorMessage() { return errorMessage; }
  /**
   * The server's id for the request ({@code <RequestId>} or {@code x-amz-request-id}), to quote to its operator.
   *
   * @return the id, or {@code null} when the server sent none
   */
  public String requestId() { return requestId; }
  /**
   * The server's extended request id ({@code <HostId>} or {@code x-amz-id-2}), which AWS support
   * asks for with the request id.
   *
   * @return the id, or {@code null} when the server sent none
   */
  public String hostId() { return hostId; }
  /**
   * The resource the error is about ({@code <Resource>}), as the server names it.
   *
   * @return e.g. {@code /bucket/key}, or {@code null} when the server sent none (or an empty element)
   */
  public String resource() { return resource; }
  /**
   * For SignatureDoesNotMatch: the string to sign the server computed, to compare with {@link #signedStringToSign()}.
   *
   * @return the server's string to sign, or {@code null} when it did not send one
   */
  public String serverStringToSign() { return serverStringToSign; }
  /**
   * For SignatureDoesNotMatch: the canonical request the server computed, to find which part differs.
   *
   * @return the server's canonical request, or {@code null} when it did not send one
   */
  public String serverCanonicalRequest() { return serverCanonicalRequest; }
  /**
   * The body as received when it was not S3 error XML (e.g. a proxy's HTML page), truncated.
   *
   * @return the body text, or {@code null} when the body was S3 error XML or empty
   */
  public String rawBody() { return rawBody; }

  /**
   * The region the answer says the bucket lives in ({@code x-amz-bucket-region}, or {@code <Region>}
   * in the body).
   *
   * @return the region name, e.g. {@code eu-west-1}, or {@code null} when the answer names none
   */
  public String bucketRegion() { return bucketRegion; }

  /**
   * How far the server's clock ({@code Date} of the answer) is ahead of this machine's (negative:
   * behind), as measured when the answer came.
   *
   * @return the skew, at the {@code Date} header's one-second precision; {@code null} when not measured
   */
  public Duration clockSkew() { return clockSkew; }

  /**
   * The other elements of the error body by name, in document order (e.g. {@code BucketName},
   * {@code ProposedSize}, {@code RangeRequested}); never {@code null}. Elements that carry secrets
   * (the signature provided, a session token) are left out.
   *
   * @return an unmodifiable map, element name to text; empty when there are none
   */
  public Map<String, String> details() { return details; }

  /**
   * For SignatureDoesNotMatch: the string to sign this client signed (holds no secret).
   *
   * @return the string to sign, or {@code null} when the failed request was not signed by this client
   */
  public String signedStringToSign() { return signedStringToSign; }

  /**
   * For SignatureDoesNotMatch: the header names this client signed.
   *
   * @return an unmodifiable list of lower-case names; empty when unknown
   */
  public List<String> signedHeaders() { return signedHeaders; }

  /**
   * A builder holding this exception's fields, to add what a later layer knows (its attempts are not copied).
   *
   * @return a new builder; changing it does not change this exception
   */
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

    /**
     * Sets the S3 error code ({@code <Code>}).
     *
     * @param v the code as sent, e.g. {@code NoSuchKey}; blank or {@code null} means none
     * @return this builder
     */
    public Builder errorCode(String v) { errorCode = v; return this; }
    /**
     * Sets the server's message ({@code <Message>}).
     *
     * @param v the message as sent; blank or {@code null} means none
     * @return this builder
     */
    public Builder errorMessage(String v) { errorMessage = v; return this; }
    /**
     * Sets the server's request id.
     *
     * @param v the {@code <RequestId>} or {@code x-amz-request-id}, or {@code null}
     * @return this builder
     */
    public Builder requestId(String v) { requestId = v; return this; }
    /**
     * Sets the server's extended request id.
     *
     * @param v the {@code <HostId>} or {@code x-amz-id-2}, or {@code null}
     * @return this builder
     */
    public Builder hostId(String v) { hostId = v; return this; }
    /**
     * Sets the resource the error is about.
     *
     * @param v the {@code <Resource>}; blank or {@code null} means none
     * @return this builder
     */
    public Builder resource(String v) { resource = v; return this; }
    /**
     * Sets the string to sign the server computed (SignatureDoesNotMatch).
     *
     * @param v the {@code <StringToSign>}, or {@code null}
     * @return this builder
     */
    public Builder serverStringToSign(String v) { serverStringToSign = v; return this; }
    /**
     * Sets the canonical request the server computed (SignatureDoesNotMatch).
     *
     * @param v the {@code <CanonicalRequest>}, or {@code null}
     * @return this builder
     */
    public Builder serverCanonicalRequest(String v) { serverCanonicalRequest = v; return this; }
    /**
     * Sets the body as received, when it was not S3 error XML.
     *
     * @param v the body text, already truncated by the caller, or {@code null}
     * @return this builder
     */
    public Builder rawBody(String v) { rawBody = v; return this; }
    /**
     * Sets the region the answer names for the bucket.
     *
     * @param v the region name, or {@code null}
     * @return this builder
     */
    public Builder bucketRegion(String v) { bucketRegion = v; return this; }
    /**
     * Sets how far the server's clock is ahead of this machine's when the answer came.
     *
     * @param v server clock minus local clock (negative: behind), or {@code null}
     * @return this builder
     */
    public Builder clockSkew(Duration v) { clockSkew = v; return this; }

    /**
     * Sets the body's other elements; those whose name speaks of a signature, token or secret are dropped.
     *
     * @param v element name to text, in document order; {@code null} means none. Copied
     * @return this builder
     */
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

    /**
     * Sets what this client signed: its string to sign and signed header names (neither is secret).
     *
     * @param stringToSign the string to sign, or {@code null}
     * @param headerNames the signed header names, lower-case; {@code null} means none. Copied
     * @return this builder
     */
    public Builder signed(String stringToSign, List<String> headerNames) {
      signedStringToSign = stringToSign;
      signedHeaders = headerNames == null ? List.of() : List.copyOf(headerNames);
      return this;
    }

    /**
     * Builds; an empty or blank message, resource or code counts as none (Ceph RGW sends empty elements).
     *
     * @return the exception, without attempts; the builder may be used again
     */
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
