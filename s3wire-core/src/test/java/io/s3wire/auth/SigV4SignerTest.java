package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** S3 behaviour of {@link SigV4Signer} beyond the generic suite. */
class SigV4SignerTest {
  // The example credentials and requests of AWS's S3 SigV4 documentation ("Examples: signature
  // calculations", sigv4-header-based-auth and sigv4-query-string-auth).
  static final Credentials DOC = Credentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  static final Instant DOC_TIME = Instant.parse("2013-05-24T00:00:00Z");
  static final Credentials CREDS = Credentials.of("AKID", "secret");
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void documentationExampleGetObjectWithRange() {
    HttpRequest req = new HttpRequest("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
        HttpHeaders.of("Range", "bytes=0-9"), RequestBody.empty());
    SigningResult r = SigV4Signer.s3().signWithDetails(req, DOC, "us-east-1", "s3", DOC_TIME, PayloadHash.EMPTY);
    assertThat(r.canonicalRequest().text()).isEqualTo("GET\n/test.txt\n\n"
        + "host:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
        + "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        + "x-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(r.stringToSign().text()).isEqualTo("AWS4-HMAC-SHA256\n20130524T000000Z\n"
        + "20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    assertThat(r.request().headers().first("Authorization")).hasValue("AWS4-HMAC-SHA256 "
        + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  }

  @Test
  void documentationExamplePresignedGet() {
    HttpRequest req = HttpRequest.get(URI.create("https://examplebucket.s3.amazonaws.com/test.txt"));
    SigningResult r = SigV4Signer.s3().presignWithDetails(req, DOC, "us-east-1", "s3", DOC_TIME,
        Duration.ofDays(1), PayloadHash.UNSIGNED);
    assertThat(r.signature()).isEqualTo("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    assertThat(r.request().uri().toString()).isEqualTo("https://examplebucket.s3.amazonaws.com/test.txt"
        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    assertThat(r.request().headers().contains("Authorization")).isFalse();
  }

  @Test
  void s3KeysAreEncodedOnceAndNeverNormalised() {
    String wire = "/bucket/a//b/./c/../d%20e+f%25g%E1%88%B4~x%7e";
    HttpRequest req = HttpRequest.get(URI.create("https://s3.example.com" + wire));
    SigningResult r = SigV4Signer.s3().signWithDetails(req, CREDS, "us-east-1", "s3", T, PayloadHash.UNSIGNED);
    assertThat(r.canonicalRequest().canonicalUri()).isEqualTo("/bucket/a//b/./c/../d%20e%2Bf%25g%E1%88%B4~x~");
    // The request itself is untouched: the wire path is exactly the caller's.
    assertThat(r.request().uri().getRawPath()).isEqualTo(wire);
  }

  @Test
  void genericModeEncodesTheWirePathAgain() {
    HttpRequest req = HttpRequest.get(URI.create("https://svc.example.com/a%20b/./c"));
    assertThat(SigV4Signer.generic(true).signWithDetails(req, CREDS, "r", "svc", T, PayloadHash.EMPTY)
        .canonicalRequest().canonicalUri()).isEqualTo("/a%2520b/c");
    assertThat(SigV4Signer.generic(false).signWithDetails(req, CREDS, "r", "svc", T, PayloadHash.EMPTY)
        .canonicalRequest().canonicalUri()).isEqualTo("/a%2520b/./c");
  }

  @Test
  void queryIsSortedByEncodedNameThenValueWithSpaceAsPercent20() {
    HttpRequest req = HttpRequest.get(URI.create(
        "https://s3.example.com/b?prefix=a%20b&list-type=2&delimiter=%2F&b=2&b=1&uploads&plus=a+b"));
    assertThat(SigV4Signer.s3().signWithDetails(req, CREDS, "us-east-1", "s3", T, PayloadHash.UNSIGNED)
        .canonicalRequest().canonicalQuery())
        .isEqualTo("b=1&b=2&delimiter=%2F&list-type=2&plus=a%2Bb&prefix=a%20b&uploads=");
  }

  @Test
  void hostIsTheAuthorityWithoutDefaultPort() {
    assertThat(hostLine("https://s3.example.com:443/b")).isEqualTo("host:s3.example.com");
    assertThat(hostLine("http://s3.example.com:80/b")).isEqualTo("host:s3.example.com");
    assertThat(hostLine("http://127.0.0.1:9000/b")).isEqualTo("host:127.0.0.1:9000");
    assertThat(hostLine("https://[::1]:8443/b")).isEqualTo("host:[::1]:8443");
  }

  private static String hostLine(String uri) {
    HttpRequest req = new HttpRequest("GET", URI.create(uri), HttpHeaders.of("Host", "wrong"), RequestBody.empty());
    String headers = SigV4Signer.s3().signWithDetails(req, CREDS, "us-east-1", "s3", T, PayloadHash.UNSIGNED)
        .canonicalRequest().canonicalHeaders();
    return headers.substring(0, headers.indexOf('\n'));
  }

  @Test
  void headerValuesAreTrimmedFoldedAndJoined() {
    HttpHeaders h = HttpHeaders.builder()
        .add("X-Amz-Meta-A", "  one   two\t three ")
        .add("x-amz-meta-a", "four")
        .add("User-Agent", "not signed")
        .add("Connection", "keep-alive")
        .build();
    HttpRequest req = new HttpRequest("PUT", URI.create("https://s3.example.com/b/k"), h, RequestBody.empty());
    CanonicalRequest cr = SigV4Signer.s3().signWithDetails(req, CREDS, "us-east-1", "s3", T, PayloadHash.EMPTY)
        .canonicalRequest();
    assertThat(cr.canonicalHeaders()).contains("x-amz-meta-a:one two three,four\n");
    assertThat(cr.signedHeaders()).isEqualTo("host;x-amz-content-sha256;x-amz-date;x-amz-meta-a");
  }

  @Test
  void unsignedPayloadAndSessionTokenAreSentAndSigned() {
    Credentials temp = Credentials.of("AKID", "secret", "the-token");
    HttpRequest signed = SigV4Signer.s3().sign(HttpRequest.get(URI.create("https://s3.example.com/b/k")), temp,
        "eu-west-1", "s3", T, PayloadHash.UNSIGNED);
    HttpHeaders h = signed.headers();
    assertThat(h.first("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
    assertThat(h.first("X-Amz-Date")).hasValue("20261127T100000Z");
    assertThat(h.first("X-Amz-Security-Token")).hasValue("the-token");
    assertThat(h.first("Authorization").orElseThrow())
        .contains("Credential=AKID/20261127/eu-west-1/s3/aws4_request, ")
        .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, ");
    // The redacted form of the request shows neither the token nor the signature.
    assertThat(signed.toString()).doesNotContain("the-token").doesNotContain(signatureOf(signed));
  }

  @Test
  void canonicalRequestPrintsWithoutTheSessionToken() {
    Credentials temp = Credentials.of("AKID", "secret", "the-token");
    HttpRequest req = HttpRequest.get(URI.create("https://s3.example.com/b/k"));
    CanonicalRequest header = SigV4Signer.s3().signWithDetails(req, temp, "us-east-1", "s3", T, PayloadHash.UNSIGNED)
        .canonicalRequest();
    assertThat(header.text()).contains("x-amz-security-token:the-token\n");
    assertThat(header.redactedText()).isEqualTo(header.text().replace("the-token", "<redacted>"));
    assertThat(header.toString()).doesNotContain("the-token");
    CanonicalRequest query = SigV4Signer.s3().presignWithDetails(req, temp, "us-east-1", "s3", T,
        Duration.ofMinutes(1), PayloadHash.UNSIGNED).canonicalRequest();
    assertThat(query.text()).contains("X-Amz-Security-Token=the-token&");
    assertThat(query.redactedText()).isEqualTo(query.text().replace("the-token", "<redacted>"));
  }

  @Test
  void signingAgainReplacesTheOldSignatureWithAFreshDate() {
    HttpRequest req = new HttpRequest("PUT", URI.create("https://s3.example.com/b/k"), HttpHeaders.empty(),
        RequestBody.ofBytes("hello".getBytes(StandardCharsets.UTF_8)));
    PayloadHash hash = PayloadHash.ofBody(req.body());
    assertThat(hash.value()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    HttpRequest first = SigV4Signer.s3().sign(req, CREDS, "us-east-1", "s3", T, hash);
    HttpRequest retry = SigV4Signer.s3().sign(first, CREDS, "us-east-1", "s3", T.plusSeconds(3), hash);
    assertThat(retry.headers().all("Authorization")).hasSize(1);
    assertThat(retry.headers().all("X-Amz-Date")).containsExactly("20261127T100003Z");
    assertThat(retry.headers().all("x-amz-content-sha256")).containsExactly(hash.value());
    assertThat(signatureOf(retry)).isNotEqualTo(signatureOf(first));
    // Re-signing a signed request at the same time gives the same signature as signing it fresh.
    assertThat(signatureOf(SigV4Signer.s3().sign(first, CREDS, "us-east-1", "s3", T, hash)))
        .isEqualTo(signatureOf(first));
  }

  @Test
  void presignPutWithSessionTokenPutsTheTokenInTheQuery() {
    Credentials temp = Credentials.of("AKID", "secret", "tok/en+=");
    HttpRequest req = new HttpRequest("PUT", URI.create("https://s3.example.com/b/my%20key?x-id=PutObject"),
        HttpHeaders.empty(), RequestBody.empty());
    SigningResult r = SigV4Signer.s3().presignWithDetails(req, temp, "us-east-1", "s3", T, Duration.ofHours(1),
        PayloadHash.UNSIGNED);
    String q = r.request().uri().getRawQuery();
    assertThat(q).startsWith("x-id=PutObject&X-Amz-Algorithm=AWS4-HMAC-SHA256&")
        .contains("&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=tok%2Fen%2B%3D&X-Amz-Signature=");
    assertThat(r.canonicalRequest().canonicalQuery()).contains("X-Amz-Security-Token=tok%2Fen%2B%3D")
        .doesNotContain("X-Amz-Signature");
    assertThat(r.canonicalRequest().payloadHash()).isEqualTo("UNSIGNED-PAYLOAD");
    assertThat(r.request().method()).isEqualTo("PUT");
    assertThat(r.request().uri().getRawPath()).isEqualTo("/b/my%20key");
  }

  @Test
  void presignExpiryMustBeOneSecondToSevenDays() {
    HttpRequest req = HttpRequest.get(URI.create("https://s3.example.com/b/k"));
    SigV4Signer s = SigV4Signer.s3();
    assertThat(s.presign(req, CREDS, "us-east-1", "s3", T, Duration.ofSeconds(1), PayloadHash.UNSIGNED).uri()
        .getRawQuery()).contains("X-Amz-Expires=1&");
    assertThat(s.presign(req, CREDS, "us-east-1", "s3", T, Duration.ofDays(7), PayloadHash.UNSIGNED).uri()
        .getRawQuery()).contains("X-Amz-Expires=604800&");
    assertThatThrownBy(() -> s.presign(req, CREDS, "us-east-1", "s3", T, Duration.ofMillis(999), PayloadHash.UNSIGNED))
        .isInstanceOf(ClientException.class)
        .hasMessage("X-Amz-Expires: a presigned URL must expire in 1 second to 7 days (604800 s), not 0 s");
    assertThatThrownBy(() -> s.presign(req, CREDS, "us-east-1", "s3", T, Duration.ofSeconds(604801),
        PayloadHash.UNSIGNED)).isInstanceOf(ClientException.class).hasMessageContaining("not 604801 s");
  }

  @Test
  void presigningAPresignedUrlReplacesItsParameters() {
    HttpRequest req = HttpRequest.get(URI.create("https://s3.example.com/b/k?versionId=3"));
    SigV4Signer s = SigV4Signer.s3();
    HttpRequest once = s.presign(req, CREDS, "us-east-1", "s3", T, Duration.ofMinutes(5), PayloadHash.UNSIGNED);
    HttpRequest twice = s.presign(once, CREDS, "us-east-1", "s3", T, Duration.ofMinutes(5), PayloadHash.UNSIGNED);
    assertThat(twice.uri()).isEqualTo(once.uri());
  }

  @Test
  void anyMethodCanBePresigned() {
    HttpRequest req = new HttpRequest("DELETE", URI.create("https://s3.example.com/b/k"), HttpHeaders.empty(),
        RequestBody.empty());
    SigningResult r = SigV4Signer.s3().presignWithDetails(req, CREDS, "us-east-1", "s3", T, Duration.ofMinutes(1),
        PayloadHash.UNSIGNED);
    assertThat(r.canonicalRequest().method()).isEqualTo("DELETE");
    assertThat(r.toString()).doesNotContain(r.signature());
  }

  @Test
  void s3DefaultPayloadHashIsUnsignedOverTlsAndTheHashOtherwise() {
    RequestBody hello = RequestBody.ofBytes("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(PayloadHash.s3Default(new HttpRequest("PUT", URI.create("https://h/b/k"), null, hello)))
        .isEqualTo(PayloadHash.UNSIGNED);
    assertThat(PayloadHash.s3Default(new HttpRequest("PUT", URI.create("http://h/b/k"), null, hello)).value())
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(PayloadHash.s3Default(HttpRequest.get(URI.create("http://h/b/k")))).isEqualTo(PayloadHash.EMPTY);
    RequestBody stream = RequestBody.ofStream(new java.io.ByteArrayInputStream(new byte[3]), 3);
    assertThat(PayloadHash.s3Default(new HttpRequest("PUT", URI.create("http://h/b/k"), null, stream)))
        .isEqualTo(PayloadHash.UNSIGNED);
  }

  static String signatureOf(HttpRequest signed) {
    String auth = signed.headers().first("Authorization").orElseThrow();
    return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
  }
}
