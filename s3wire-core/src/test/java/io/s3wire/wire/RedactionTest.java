package io.s3wire.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.Attempt;
import io.s3wire.error.ClientException;
import io.s3wire.error.TransportException;
import io.s3wire.error.RetrySafety;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TlsProvider;
import io.s3wire.wire.WireEvent.Direction;
import io.s3wire.wire.WireEvent.Header;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A known secret goes through every path that prints headers or URLs and must come out nowhere. */
class RedactionTest {
  static final String SECRET = "S3CR3T";

  static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIA" + SECRET + "/20260101/us-east-1/s3/aws4_request,"
      + " SignedHeaders=host;x-amz-date, Signature=" + SECRET + "0123abcd";
  static final String QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA" + SECRET + "%2F20260101"
      + "&X-Amz-Signature=" + SECRET + "ff&x-amz-security-token=" + SECRET + "tok&partNumber=2";
  static final URI URL = URI.create("https://bucket.example.com/key?" + QUERY);

  static final HttpHeaders HEADERS = HttpHeaders.of(
      "Authorization", AUTHORIZATION,
      "x-amz-security-token", SECRET + "-session",
      "Cookie", "sid=" + SECRET + "; other=1",
      "X-Api-Key", "k-" + SECRET,
      "x-amz-date", "20260101T000000Z");
  static final Set<String> MARKED = Set.of("x-api-key");

  static List<Header> eventHeaders() {
    List<Header> list = new ArrayList<>();
    for (HttpHeaders.Field f : HEADERS.fields()) {
      list.add(new Header(f.name().toLowerCase(java.util.Locale.ROOT), f.value()));
    }
    return list;
  }

  static List<WireEvent> rawEvents() {
    List<Header> h2 = new ArrayList<>(List.of(new Header(":method", "GET"), new Header(":path", "/key?" + QUERY)));
    h2.addAll(eventHeaders());
    return List.of(
        new WireEvent.Http1Request(1, "c1", "GET", "/key?" + QUERY, eventHeaders()),
        new WireEvent.Http1Response(2, "c1", 200, "OK", List.of(new Header("Set-Cookie", "sid=" + SECRET))),
        new WireEvent.HeadersFrame(3, "c2", Direction.SENT, 1, 100, true, h2),
        new WireEvent.PushPromiseFrame(4, "c2", Direction.RECEIVED, 1, 2, List.of(new Header(":path", "/x?X-Amz-Signature=" + SECRET))));
  }

  private final Redaction redaction = Redaction.DEFAULT.withSensitiveHeaders(MARKED);

  @Test
  void textTraceNeverShowsTheSecret() {
    TraceRecorder r = TraceRecorder.create(100, redaction);
    rawEvents().forEach(r::onEvent);
    List<String> lines = r.render(TraceFormat.TEXT);
    assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(SECRET));
    assertThat(lines).contains(
        "          authorization: AWS4-HMAC-SHA256 Credential=<redacted>, SignedHeaders=host;x-amz-date, Signature=<redacted>",
        "          x-api-key: <redacted>",
        "          cookie: <redacted>",
        "          x-amz-date: 20260101T000000Z");
    assertThat(r.textTail(3)).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void jsonTraceNeverShowsTheSecret() {
    TraceRecorder r = TraceRecorder.create(100, redaction);
    rawEvents().forEach(r::onEvent);
    assertThat(r.render(TraceFormat.JSON)).hasSize(4).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void headersAndRequestToStringNeverShowTheSecret() {
    String headers = HEADERS.toString(redaction);
    assertThat(headers).doesNotContain(SECRET).contains("X-Api-Key: <redacted>", "x-amz-date: 20260101T000000Z");
    assertThat(HEADERS.toString()).doesNotContain("Signature=" + SECRET).doesNotContain("sid=" + SECRET);
    HttpRequest request = new HttpRequest("PUT", URL, HEADERS, RequestBody.empty(), MARKED);
    assertThat(request.toString()).doesNotContain(SECRET)
        .startsWith("PUT https://bucket.example.com/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=<redacted>");
  }

  @Test
  void headersMarkedSensitiveStayMarkedThroughTheRequest() {
    HttpHeaders marked = HEADERS.toBuilder().markSensitive("X-API-KEY").build();
    assertThat(marked.toString()).doesNotContain(SECRET).contains("X-Api-Key: <redacted>");
    assertThat(marked.toBuilder().build().toString()).doesNotContain(SECRET);
    HttpRequest viaHeaders = new HttpRequest("GET", URL, marked, RequestBody.empty());
    assertThat(viaHeaders.sensitiveHeaders()).contains("x-api-key");
    assertThat(viaHeaders.toString()).doesNotContain(SECRET);
    HttpRequest viaRequest = new HttpRequest("GET", URL, HEADERS, RequestBody.empty(), MARKED);
    assertThat(viaRequest.headers().toString()).doesNotContain(SECRET);
    assertThat(viaRequest.headers()).isEqualTo(HEADERS);
  }

  @Test
  void exceptionMessagesAndAttemptsNeverShowTheSecret() {
    TraceRecorder r = TraceRecorder.create(100, redaction);
    rawEvents().forEach(r::onEvent);
    TransportException e = new TransportException(TransportException.Kind.IO,
        redaction.text("connection reset while sending " + URL + " with authorization: " + AUTHORIZATION
            + ", cookie: sid=" + SECRET + ", x-api-key: k-" + SECRET),
        RetrySafety.UNKNOWN, null);
    e.addAttempt(new Attempt(HttpProtocol.HTTP_2, TlsProvider.JDK, List.of("h2"), "h2", "reset", null, r.textTail(20)));
    ClientException c = new ClientException("x-amz-security-token", redaction.text("value has a CR: x-amz-security-token: " + SECRET));
    for (RuntimeException ex : List.of(e, c)) {
      assertThat(ex.getMessage()).doesNotContain(SECRET);
      assertThat(ex.toString()).doesNotContain(SECRET);
      assertThat(((io.s3wire.error.S3Exception) ex).explain()).doesNotContain(SECRET);
    }
    assertThat(e.attempts().get(0).traceTail()).noneMatch(l -> l.contains(SECRET));
    assertThat(e.attempts().get(0).summary()).doesNotContain(SECRET);
  }

  @Test
  void freeTextRedactionKeepsWhatHelpsDiagnosis() {
    assertThat(Redaction.DEFAULT.text("GET /k?X-Amz-Signature=abc&x=1 Signature=def, SignedHeaders=host"))
        .isEqualTo("GET /k?X-Amz-Signature=<redacted>&x=1 Signature=<redacted>, SignedHeaders=host");
    assertThat(Redaction.DEFAULT.text("[cookie: a=1; b=2, host: h]")).isEqualTo("[cookie: <redacted>, host: h]");
  }

  @Test
  void otherAuthorizationSchemesAreMaskedWhole() {
    assertThat(Redaction.DEFAULT.headerValue("authorization", "Bearer " + SECRET)).isEqualTo("Bearer <redacted>");
    assertThat(Redaction.DEFAULT.headerValue("Authorization", SECRET)).isEqualTo("<redacted>");
    assertThat(Redaction.DEFAULT.headerValue("Proxy-Authorization", "Basic " + SECRET)).isEqualTo("<redacted>");
  }

  @Test
  void credentialServiceTokensAreSecretByDefault() {
    assertThat(Redaction.DEFAULT.headerValue("X-aws-ec2-metadata-token", SECRET)).isEqualTo("<redacted>");
    assertThat(Redaction.DEFAULT.headerValue("x-aws-ec2-metadata-token-ttl-seconds", "21600")).isEqualTo("21600");
    assertThat(Redaction.DEFAULT.headerValue("x-amz-sso_bearer_token", SECRET)).isEqualTo("<redacted>");
    assertThat(Redaction.DEFAULT.text("[x-aws-ec2-metadata-token: " + SECRET + ", x-aws-ec2-metadata-token-ttl-seconds: 21600]"))
        .isEqualTo("[x-aws-ec2-metadata-token: <redacted>, x-aws-ec2-metadata-token-ttl-seconds: 21600]");
    assertThat(Redaction.DEFAULT.text("x-amz-sso_bearer_token: " + SECRET)).isEqualTo("x-amz-sso_bearer_token: <redacted>");
  }

  @Test
  void emitterHelperRedacts() {
    assertThat(redaction.header("X-API-KEY", SECRET)).isEqualTo(new Header("X-API-KEY", "<redacted>"));
    assertThat(redaction.isSensitive("Cookie")).isTrue();
    assertThat(redaction.isSensitive("x-amz-date")).isFalse();
  }
}
