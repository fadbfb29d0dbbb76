package io.s3wire.bench.compat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Requests the SDK's S3 client cannot express (a trailer it would not choose, a preflight, an
 * anonymous read, a browser form), sent over the SDK's own Apache HTTP client and signed, where
 * signed, by the SDK's own SigV4 signer, so no s3wire code stands between probe and server.
 * Not thread-safe in intent: one per server, used by one probe at a time.
 */
final class RawHttp implements AutoCloseable {
  static final String REGION = "us-east-1";
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

  private final URI endpoint;
  private final AwsCredentialsIdentity credentials;
  private final Clock clock;
  private final SdkHttpClient http = ApacheHttpClient.builder()
      .socketTimeout(Duration.ofSeconds(30))
      .connectionTimeout(Duration.ofSeconds(10))
      .build();

  RawHttp(URI endpoint, String accessKey, String secretKey, Clock clock) {
    this.endpoint = endpoint;
    this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
    this.clock = clock;
  }

  /** A response read whole. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    /** The first value of a header, by case-insensitive name, or null. */
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The S3 error code in an error body, or "" when there is none. */
    String errorCode() {
      Matcher m = CODE.matcher(text());
      return m.find() ? m.group(1) : "";
    }

    /** {@code 403 AccessDenied}, as the table states an answer. */
    String describe() {
      String code = errorCode();
      return status + (code.isEmpty() ? "" : " " + code);
    }
  }

  /** A request to {@code path} (already percent-encoded) with raw query parameters (unencoded). */
  SdkHttpFullRequest.Builder request(SdkHttpMethod method, String path, Map<String, String> query) {
    SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder()
        .protocol(endpoint.getScheme())
        .host(endpoint.getHost())
        .port(endpoint.getPort())
        .method(method)
        .encodedPath(path);
    query.forEach(b::putRawQueryParameter);
    return b;
  }

  /** The encoded path of an object: {@code /bucket/key} with the key percent-encoded, slashes kept. */
  static String objectPath(String bucket, String key) {
    return "/" + bucket + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
  }

  /**
   * Signs {@code request} with SigV4 in the Authorization header (the payload hash signed unless
   * {@code options} says otherwise) and sends it.
   */
  Response signed(SdkHttpFullRequest.Builder request, byte[] body,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) throws IOException {
    if (body != null) {
      request.putHeader("Content-Length", Long.toString(body.length));
    }
    SdkHttpFullRequest unsigned = request.build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(credentials)
          .request(unsigned)
          .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
          .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
          .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
          .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
          .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
          .putProperty(HttpSigner.SIGNING_CLOCK, clock);
      options.accept(r);
    });
    return send(signed.request(), signed.payload().orElse(null));
  }

  /** A presigned URL for {@code request}, signed at {@code clock}'s time and valid for {@code expires}. */
  URI presign(SdkHttpFullRequest.Builder request, Clock at, Duration expires) {
    SdkHttpFullRequest unsigned = request.build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials)
        .request(unsigned)
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
        .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires)
        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
        .putProperty(HttpSigner.SIGNING_CLOCK, at));
    return signed.request().getUri();
  }

  /** Sends {@code request} as it is: no signature (an anonymous request, a presigned URL, a form). */
  Response anonymous(SdkHttpFullRequest.Builder request, byte[] body) throws IOException {
    if (body != null) {
      request.putHeader("Content-Length", Long.toString(body.length));
    }
    return send(request.build(), body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body));
  }

  /** Sends a request to a full URL (a presigned one), with {@code body} if not null. */
  Response url(SdkHttpMethod method, URI url, Map<String, String> headers, byte[] body) throws IOException {
    SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().uri(url).method(method);
    headers.forEach(b::putHeader);
    return anonymous(b, body);
  }

  private Response send(SdkHttpRequest request, ContentStreamProvider payload) throws IOException {
    HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder()
        .request(request)
        .contentStreamProvider(payload)
        .build()).call();
    byte[] body = new byte[0];
    if (r.responseBody().isPresent()) {
      try (InputStream in = r.responseBody().get()) {
        body = in.readAllBytes();
      }
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(r.httpResponse().headers());
    return new Response(r.httpResponse().statusCode(), headers, body);
  }

  @Override
  public void close() {
    http.close();
  }
}
