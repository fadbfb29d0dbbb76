package io.s3wire.auth;

import io.s3wire.auth.internal.UriEncoding;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests with AWS Signature Version 4: an {@code Authorization} header, or a presigned URI.
 *
 * <p>Call it as the last step before the wire, once per attempt, with the time of that attempt: a
 * retry is signed again with a fresh date. Signing replaces any earlier {@code Authorization},
 * {@code X-Amz-Date} and {@code X-Amz-Security-Token}, so a signed request can be signed again. It
 * replaces {@code x-amz-content-sha256} too only when this signer sends that header ({@link #s3()},
 * or {@link #withContentSha256Header} {@code true}); a signer that does not ({@link #generic}) leaves
 * one the request already has as it is, and signs it like any other header.
 *
 * <p>What is signed: {@code host} with the value of {@link HttpRequest#authority()} (what HTTP/2
 * sends as {@code :authority}; the port only when not the scheme's default), and every header of
 * the request except hop-by-hop and proxy-altered ones ({@code connection}, {@code keep-alive},
 * {@code proxy-connection}, {@code transfer-encoding}, {@code upgrade}, {@code te}, {@code expect},
 * {@code user-agent}, {@code x-amzn-trace-id}, {@code authorization}, {@code proxy-authorization}).
 * Add headers the transport would change after signing at your peril.
 *
 * <p>Immutable and thread-safe. Signing keys are cached (see {@link SigV4}).
 */
public final class SigV4Signer {
  private static final Set<String> UNSIGNED_HEADERS = Set.of(
      "authorization", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade",
      "te", "expect", "user-agent", "x-amzn-trace-id", "proxy-authorization", "host");

  private static final SigV4Signer S3 = new SigV4Signer(PathMode.S3, true, true);

  private final PathMode pathMode;
  private final boolean contentSha256Header;
  private final boolean signSessionToken;

  private SigV4Signer(PathMode pathMode, boolean contentSha256Header, boolean signSessionToken) {
    this.pathMode = pathMode;
    this.contentSha256Header = contentSha256Header;
    this.signSessionToken = signSessionToken;
  }

  /**
   * S3's signer: path never normalised ({@link PathMode#S3}), {@code x-amz-content-sha256} sent
   * with every header-signed request, session token signed.
   *
   * @return the shared S3 signer
   */
  public static SigV4Signer s3() {
    return S3;
  }

  /**
   * A signer for other AWS services: path encoded again and optionally normalised, no {@code
   * x-amz-content-sha256} header, session token signed.
   *
   * @param normalizePath whether the path is normalised before it is encoded ({@link
   *     PathMode#GENERIC_NORMALIZED}, what most AWS services other than S3 expect) or encoded as given
   *     ({@link PathMode#GENERIC})
   * @return a new signer
   */
  public static SigV4Signer generic(boolean normalizePath) {
    return new SigV4Signer(normalizePath ? PathMode.GENERIC_NORMALIZED : PathMode.GENERIC, false, true);
  }

  /**
   * This signer, sending (or not) the payload hash as {@code x-amz-content-sha256}. S3 requires the
   * header on every header-signed request; some other services reject unknown headers.
   *
   * @param send whether header-signed requests get the header (presigned URLs never do)
   * @return a signer differing from this one only in that; this one is unchanged
   */
  public SigV4Signer withContentSha256Header(boolean send) {
    return new SigV4Signer(pathMode, send, signSessionToken);
  }

  /**
   * This signer, signing the session token (the default, S3's way) or adding it after signing,
   * unsigned (what some STS-era services accept; never needed for S3).
   *
   * @param signed {@code true} to include the token in the signature, {@code false} to add it
   *     after signing
   * @return a signer differing from this one only in that; this one is unchanged
   */
  public SigV4Signer withSessionTokenSigned(boolean signed) {
    return new SigV4Signer(pathMode, contentSha256Header, signed);
  }

  /**
   * How this signer turns the request path into the canonical URI; a verifier must use the same.
   *
   * @return {@link PathMode#S3} for {@link #s3()}, else a generic mode
   */
  public PathMode pathMode() {
    return pathMode;
  }

  /**
   * Signs with an {@code Authorization} header.
   *
   * @param request the request to sign; not modified (requests are immutable). Its URI's authority
   *     is signed as {@code host}
   * @param credentials the credentials; a session token is sent as {@code X-Amz-Security-Token}
   * @param region the region the request is signed for, e.g. {@code us-east-1}
   * @param service the service name, {@code s3} for S3
   * @param time the time of this attempt, sent as {@code X-Amz-Date} (UTC, whole seconds); its UTC
   *     day is the scope's date
   * @param payload the payload hash; {@link PayloadHash#UNSIGNED} is S3's default over TLS
   * @return the request with {@code X-Amz-Date}, {@code Authorization} and, as configured, {@code
   *     x-amz-content-sha256} and {@code X-Amz-Security-Token} set
   * @throws NullPointerException if {@code credentials}, {@code region}, {@code service}, {@code
   *     time} or {@code payload} is {@code null}
   */
  public HttpRequest sign(HttpRequest request, Credentials credentials, String region, String service,
      Instant time, PayloadHash payload) {
    return signWithDetails(request, credentials, region, service, time, payload).request();
  }

  /**
   * Signs with the payload hash S3 clients use by default ({@link PayloadHash#s3Default}):
   * {@code UNSIGNED-PAYLOAD} over TLS, the body's hash over plain HTTP when it can be read twice.
   * Hashing reads the body once, blocking, before it is sent.
   *
   * @param request the request to sign; not modified (requests are immutable). Its URI's authority
   *     is signed as {@code host}
   * @param credentials the credentials; a session token is sent as {@code X-Amz-Security-Token}
   * @param region the region the request is signed for, e.g. {@code us-east-1}
   * @param service the service name, {@code s3} for S3
   * @param time the time of this attempt, sent as {@code X-Amz-Date} (UTC, whole seconds); its UTC
   *     day is the scope's date
   * @return the signed request, as {@link #sign(HttpRequest, Credentials, String, String, Instant,
   *     PayloadHash)} returns it
   * @throws java.io.UncheckedIOException when the body cannot be read to hash it
   */
  public HttpRequest sign(HttpRequest request, Credentials credentials, String region, String service,
      Instant time) {
    return sign(request, credentials, region, service, time, PayloadHash.s3Default(request));
  }

  /**
   * {@link #sign} with the canonical request, string to sign and signature, to compare with what a
   * server returns in {@code SignatureDoesNotMatch}.
   *
   * @param request the request to sign; not modified (requests are immutable). Its URI's authority
   *     is signed as {@code host}
   * @param credentials the credentials; a session token is sent as {@code X-Amz-Security-Token}
   * @param region the region the request is signed for, e.g. {@code us-east-1}
   * @param service the service name, {@code s3} for S3
   * @param time the time of this attempt, sent as {@code X-Amz-Date} (UTC, whole seconds); its UTC
   *     day is the scope's date
   * @param payload the payload hash; {@link PayloadHash#UNSIGNED} is S3's default over TLS
   * @return the signed request and the texts that produced its signature; print it with its own
   *     {@code toString()}, which masks the signature
   * @throws NullPointerException if {@code credentials}, {@code region}, {@code service}, {@code
   *     time} or {@code payload} is {@code null}
   */
  public SigningResult signWithDetails(HttpRequest request, Credentials credentials, String region,
      String service, Instant time, PayloadHash payload) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(payload, "payload");
    String amzDate = SigV4.amzDate(time);
    CredentialScope scope = CredentialScope.of(time, region, service);

    HttpHeaders.Builder b = request.headers().toBuilder()
        .remove(SigV4.AUTHORIZATION)
        .remove(SigV4.X_AMZ_SECURITY_TOKEN)
        .set(SigV4.X_AMZ_DATE, amzDate);
    if (contentSha256Header) {
      b.set(SigV4.X_AMZ_CONTENT_SHA256, payload.value());
    }
    if (credentials.sessionToken() != null && signSessionToken) {
      b.add(SigV4.X_AMZ_SECURITY_TOKEN, credentials.sessionToken());
    }
    HttpHeaders toSign = b.build();
    CanonicalRequest cr = canonicalize(request, toSign, null, payload);
    StringToSign sts = SigV4Canonicalizer.stringToSign(cr, amzDate, scope);
    String signature = SigV4.signature(credentials.secretAccessKey(), sts);

    if (credentials.sessionToken() != null && !signSessionToken) {
      b.add(SigV4.X_AMZ_SECURITY_TOKEN, credentials.sessionToken());
    }
    String authorization = SigV4.ALGORITHM + " Credential=" + credentials.accessKeyId() + '/' + scope
        + ", SignedHeaders=" + cr.signedHeaders() + ", Signature=" + signature;
    b.add(SigV4.AUTHORIZATION, authorization);
    return new SigningResult(request.withHeaders(b.build()), cr, sts, signature);
  }

  /**
   * Presigns: the returned request's URI carries the signature in its query and can be given to
   * anyone to make exactly this request (same method, same signed headers) until it expires.
   *
   * @param request the request to sign; not modified (requests are immutable). Its URI's authority
   *     is signed as {@code host}
   * @param credentials the credentials; a session token is sent as {@code X-Amz-Security-Token}
   * @param region the region the request is signed for, e.g. {@code us-east-1}
   * @param service the service name, {@code s3} for S3
   * @param time the signing time, sent as {@code X-Amz-Date} (UTC, whole seconds); the URL is valid
   *     from then on
   * @param expires from 1 second to 7 days; sent as {@code X-Amz-Expires} in whole seconds
   * @param payload the payload hash; {@link PayloadHash#UNSIGNED} for S3 (the uploader's body is
   *     not known when the URL is made)
   * @return the request with the presigned URI (the caller's query parameters kept, any earlier
   *     presign parameters replaced) and its headers unchanged; the URI contains a signature and
   *     perhaps a session token, so print the request (its {@code toString()} redacts the URL),
   *     never the bare URI
   * @throws ClientException when {@code expires} is out of range
   */
  public HttpRequest presign(HttpRequest request, Credentials credentials, String region, String service,
      Instant time, Duration expires, PayloadHash payload) {
    return presignWithDetails(request, credentials, region, service, time, expires, payload).request();
  }

  /**
   * Presigns with {@link PayloadHash#UNSIGNED}, as S3 presigned URLs are.
   *
   * @param request the request to sign; not modified (requests are immutable). Its URI's authority
   *     is signed as {@code host}
   * @param credentials the credentials; a session token is sent as {@code X-Amz-Security-Token}
   * @param region the region the request is signed for, e.g. {@code us-east-1}
   * @param service the service name, {@code s3} for S3
   * @param time the signing time, sent as {@code X-Amz-Date} (UTC, whole seconds); the URL is valid
   *     from then on
   * @param expires from 1 second to 7 days; sent as {@code X-Amz-Expires} in whole seconds
   * @return the request with the presigned URI, as {@link #presign(HttpRequest, Credentials, String,
   *     String, Instant, Duration, PayloadHash)} returns it
   * @throws ClientException when {@code expires} is out of range
   */
  public HttpRequest presign(HttpRequest request, Credentials credentials, String region, String service,
      Instant time, Duration expires) {
    return presign(request, credentials, region, service, time, expires, PayloadHash.UNSIGNED);
  }

  /**
   * {@link #presign} with the canonical request, string to sign and signature, to compare with what
   * a server returns in {@code SignatureDoesNotMatch}.
   *
   * @param request the request to sign; not modified (requests are immutable). Its URI's authority
   *     is signed as {@code host}
   * @param credentials the credentials; a session token is sent as {@code X-Amz-Security-Token}
   * @param region the region the request is signed for, e.g. {@code us-east-1}
   * @param service the service name, {@code s3} for S3
   * @param time the signing time, sent as {@code X-Amz-Date} (UTC, whole seconds); the URL is valid
   *     from then on
   * @param expires from 1 second to 7 days; sent as {@code X-Amz-Expires} in whole seconds
   * @param payload the payload hash; {@link PayloadHash#UNSIGNED} for S3
   * @return the presigned request and the texts that produced its signature
   * @throws ClientException when {@code expires} is out of range
   * @throws NullPointerException if {@code credentials}, {@code expires}, {@code payload}, {@code
   *     region}, {@code service} or {@code time} is {@code null}
   */
  public SigningResult presignWithDetails(HttpRequest request, Credentials credentials, String region,
      String service, Instant time, Duration expires, PayloadHash payload) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(expires, "expires");
    if (expires.compareTo(Duration.ofSeconds(1)) < 0 || expires.compareTo(SigV4.MAX_PRESIGN_EXPIRY) > 0) {
      throw new ClientException("X-Amz-Expires",
          "a presigned URL must expire in 1 second to 7 days (604800 s), not " + expires.getSeconds() + " s");
    }
    String amzDate = SigV4.amzDate(time);
    CredentialScope scope = CredentialScope.of(time, region, service);
    List<String> signedNames = signedHeaderNames(request.headers());

    StringBuilder query = new StringBuilder(256);
    appendExistingQuery(query, request.uri().getRawQuery());
    appendParam(query, SigV4.X_AMZ_ALGORITHM, SigV4.ALGORITHM);
    appendParam(query, SigV4.X_AMZ_CREDENTIAL, credentials.accessKeyId() + '/' + scope);
    appendParam(query, SigV4.X_AMZ_DATE, amzDate);
    appendParam(query, SigV4.X_AMZ_EXPIRES, Long.toString(expires.getSeconds()));
    appendParam(query, SigV4.X_AMZ_SIGNED_HEADERS, String.join(";", signedNames));
    if (credentials.sessionToken() != null && signSessionToken) {
      appendParam(query, SigV4.X_AMZ_SECURITY_TOKEN, credentials.sessionToken());
    }
    CanonicalRequest cr = canonicalize(request, request.headers(), query.toString(), payload);
    StringToSign sts = SigV4Canonicalizer.stringToSign(cr, amzDate, scope);
    String signature = SigV4.signature(credentials.secretAccessKey(), sts);
    if (credentials.sessionToken() != null && !signSessionToken) {
      appendParam(query, SigV4.X_AMZ_SECURITY_TOKEN, credentials.sessionToken());
    }
    appendParam(query, SigV4.X_AMZ_SIGNATURE, signature);

    URI u = request.uri();
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    URI presigned = URI.create(u.getScheme() + "://" + u.getRawAuthority() + path + '?' + query);
    HttpRequest out = new HttpRequest(request.method(), presigned, request.headers(), request.body(),
        request.sensitiveHeaders());
    return new SigningResult(out, cr, sts, signature);
  }

  private CanonicalRequest canonicalize(HttpRequest request, HttpHeaders headers, String rawQuery,
      PayloadHash payload) {
    List<String> names = signedHeaderNames(headers);
    HttpHeaders withHost = headers.toBuilder().remove("host").add("host", request.authority()).build();
    String query = rawQuery != null ? rawQuery : request.uri().getRawQuery();
    return SigV4Canonicalizer.canonicalRequest(
        request.method(), request.uri().getRawPath(), query, withHost, names, payload.value(), pathMode);
  }

  private static List<String> signedHeaderNames(HttpHeaders headers) {
    List<String> names = new ArrayList<>(headers.size() + 1);
    names.add("host");
    for (HttpHeaders.Field f : headers.fields()) {
      String lower = f.name().toLowerCase(Locale.ROOT);
      if (!UNSIGNED_HEADERS.contains(lower) && !names.contains(lower)) {
        names.add(lower);
      }
    }
    names.sort(null);
    return names;
  }

  /** Keeps the caller's parameters, minus any SigV4 ones from an earlier presign. */
  private static void appendExistingQuery(StringBuilder out, String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String p : rawQuery.split("&")) {
      int eq = p.indexOf('=');
      String name = UriEncoding.decodeToString(eq < 0 ? p : p.substring(0, eq));
      if (p.isEmpty() || isPresignParameter(name)) {
        continue;
      }
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p);
    }
  }

  private static boolean isPresignParameter(String name) {
    return name.equals(SigV4.X_AMZ_ALGORITHM) || name.equals(SigV4.X_AMZ_CREDENTIAL)
        || name.equals(SigV4.X_AMZ_DATE) || name.equals(SigV4.X_AMZ_EXPIRES)
        || name.equals(SigV4.X_AMZ_SIGNED_HEADERS) || name.equals(SigV4.X_AMZ_SECURITY_TOKEN)
        || name.equals(SigV4.X_AMZ_SIGNATURE);
  }

  private static void appendParam(StringBuilder out, String name, String value) {
    if (out.length() > 0) {
      out.append('&');
    }
    out.append(name).append('=');
    UriEncoding.encode(out, value, false);
  }
}
