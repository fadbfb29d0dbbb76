package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Parsing what a request carries, and verifying it the way the embedded server does. */
class SigV4AuthorizationTest {
  static final String SIG = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
  static final String GOOD = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
      + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=" + SIG;

  @Test
  void parsesAnAuthorizationHeader() {
    SigV4Authorization a = SigV4Authorization.parseHeader(GOOD, "20130524T000000Z");
    assertThat(a.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    assertThat(a.scope()).isEqualTo(new CredentialScope("20130524", "us-east-1", "s3"));
    assertThat(a.signedHeaders()).containsExactly("host", "range", "x-amz-content-sha256", "x-amz-date");
    assertThat(a.signature()).isEqualTo(SIG);
    assertThat(a.isPresigned()).isFalse();
    assertThat(a.requestTime()).isEqualTo(Instant.parse("2013-05-24T00:00:00Z"));
    assertThat(a.toString()).doesNotContain(SIG).contains("signature=<redacted>");
    // Commas without spaces are accepted too.
    assertThat(SigV4Authorization.parseHeader(GOOD.replace(", ", ","), "20130524T000000Z")).isEqualTo(a);
  }

  @Test
  void takesTheTimeFromDateWhenThereIsNoXAmzDate() {
    SigV4Authorization a = SigV4Authorization.parseHeader(GOOD, HttpHeaders.of("Date", "Fri, 24 May 2013 00:00:00 GMT"));
    assertThat(a.amzDate()).isEqualTo("20130524T000000Z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "AWS AKIAIOSFODNN7EXAMPLE:abc=| the authorization algorithm must be AWS4-HMAC-SHA256, not 'AWS'",
      "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request, SignedHeaders=host| the Authorization header has no Signature",
      "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3, SignedHeaders=host, Signature=" + SIG
          + "| the Credential must be <access key>/<yyyyMMdd>/<region>/<service>/aws4_request",
      "AWS4-HMAC-SHA256 Credential=AK/2013-05-24/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=" + SIG
          + "| the Credential must be <access key>/<yyyyMMdd>/<region>/<service>/aws4_request",
      "AWS4-HMAC-SHA256 Credential=AK/20130525/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=" + SIG
          + "| the Credential date 20130525 is not the day of X-Amz-Date 20130524T000000Z",
      "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request, SignedHeaders=x-amz-date, Signature=" + SIG
          + "| SignedHeaders must include host",
      "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request, SignedHeaders=Host, Signature=" + SIG
          + "| SignedHeaders must be lower-case names separated by ';'",
      "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=XYZ"
          + "| the Signature must be 64 lower-case hex digits",
      "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request SignedHeaders=host"
          + "| the Authorization header has no SignedHeaders",
      "AWS4-HMAC-SHA256 garbage| the Authorization header must be Credential=..., SignedHeaders=..., Signature=...",
  })
  void malformedHeadersAreNamed(String header, String message) {
    assertThatThrownBy(() -> SigV4Authorization.parseHeader(header, "20130524T000000Z"))
        .isInstanceOfSatisfying(MalformedAuthorizationException.class, e -> {
          assertThat(e.presigned()).isFalse();
          assertThat(e.s3ErrorCode()).isEqualTo("AuthorizationHeaderMalformed");
        })
        .hasMessage(message.strip());
  }

  @Test
  void missingDateIsMalformed() {
    assertThatThrownBy(() -> SigV4Authorization.parseHeader(GOOD, HttpHeaders.empty()))
        .isInstanceOf(MalformedAuthorizationException.class)
        .hasMessage("the request has neither X-Amz-Date nor Date");
    assertThatThrownBy(() -> SigV4Authorization.parseHeader(GOOD, "2013-05-24T00:00:00Z"))
        .hasMessage("X-Amz-Date not an ISO 8601 basic UTC timestamp (yyyyMMddTHHmmssZ)");
  }

  @Test
  void parsesPresignedQueryParameters() {
    String q = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        + "&X-Amz-Security-Token=tok%2B&X-Amz-Signature=" + SIG + "&versionId=1";
    SigV4Authorization a = SigV4Authorization.parseQuery(q);
    assertThat(a.isPresigned()).isTrue();
    assertThat(a.expires()).isEqualTo(Duration.ofDays(1));
    assertThat(a.expiresAt()).hasValue(Instant.parse("2013-05-25T00:00:00Z"));
    assertThat(a.securityToken()).isEqualTo("tok+");
    assertThat(a.toString()).doesNotContain("tok+").doesNotContain(SIG);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "X-Amz-Expires=0| X-Amz-Expires must be between 1 and 604800 seconds (7 days), not 0",
      "X-Amz-Expires=604801| X-Amz-Expires must be between 1 and 604800 seconds (7 days), not 604801",
      "X-Amz-Expires=soon| X-Amz-Expires must be a number of seconds",
  })
  void presignedExpiryIsChecked(String expires, String message) {
    String q = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20130524T000000Z&" + expires + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIG;
    assertThatThrownBy(() -> SigV4Authorization.parseQuery(q))
        .isInstanceOfSatisfying(MalformedAuthorizationException.class,
            e -> assertThat(e.s3ErrorCode()).isEqualTo("AuthorizationQueryParametersError"))
        .hasMessage(message.strip());
  }

  @Test
  void missingPresignedParameterIsNamed() {
    assertThatThrownBy(() -> SigV4Authorization.parseQuery("X-Amz-Algorithm=AWS4-HMAC-SHA256"))
        .hasMessage("the query has no X-Amz-Credential");
    assertThatThrownBy(() -> SigV4Authorization.parseQuery("list-type=2"))
        .hasMessage("the query has no X-Amz-Algorithm");
  }

  static List<SigV4SuiteCase> s3Cases() {
    return SigV4SuiteCase.all().stream().filter(c -> !c.name().endsWith("-normalized")).toList();
  }

  /** What the embedded server does with a header-signed request: parse, canonicalise, compare. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("s3Cases")
  void verifierAcceptsWhatTheSignerProducesAndRejectsAWrongSecret(SigV4SuiteCase c) {
    SigV4Signer signer = SigV4SuiteRunner.s3Signer(c);
    HttpRequest signed = signer.sign(c.httpRequest(), c.credentials(), c.region(), c.service(), c.time(),
        c.payloadHash());
    // On the server side the request arrives with a Host header (or :authority on HTTP/2).
    HttpHeaders received = signed.headers().toBuilder().add("Host", signed.authority()).build();
    SigV4Authorization auth = SigV4Authorization.parseHeader(received.first("Authorization").orElseThrow(), received);
    SigV4Canonicalizer.SignatureInput in = SigV4Canonicalizer.forVerification(signed.method(),
        signed.uri().getRawPath(), signed.uri().getRawQuery(), received, auth, c.payloadHash().value(), PathMode.S3);
    assertThat(SigV4.signaturesMatch(SigV4.signature(c.credentials().secretAccessKey(), in.stringToSign()),
        auth.signature())).isTrue();
    assertThat(SigV4.signaturesMatch(SigV4.signature("wrong", in.stringToSign()), auth.signature())).isFalse();

    if (c.omitSessionToken()) {
      // Its presigned form carries an unsigned X-Amz-Security-Token, which S3 (and our verifier)
      // sign as part of the query: not S3's way, only a compatibility case of the suite.
      return;
    }
    // And a presigned URL of the same request.
    HttpRequest presigned = signer.presign(c.httpRequest(), c.credentials(), c.region(), c.service(), c.time(),
        c.expires(), c.payloadHash());
    HttpHeaders presignedHeaders = presigned.headers().toBuilder().add("Host", presigned.authority()).build();
    SigV4Authorization q = SigV4Authorization.parseQuery(presigned.uri().getRawQuery());
    SigV4Canonicalizer.SignatureInput qin = SigV4Canonicalizer.forVerification(presigned.method(),
        presigned.uri().getRawPath(), presigned.uri().getRawQuery(), presignedHeaders, q, c.payloadHash().value(),
        PathMode.S3);
    assertThat(SigV4.signaturesMatch(SigV4.signature(c.credentials().secretAccessKey(), qin.stringToSign()),
        q.signature())).isTrue();
    assertThat(qin.stringToSign().text()).isEqualTo(c.expected("query-string-to-sign.txt"));
  }

  @Test
  void signaturesMatchRejectsNullAndDifferentLengths() {
    assertThat(SigV4.signaturesMatch(SIG, null)).isFalse();
    assertThat(SigV4.signaturesMatch(SIG, SIG.substring(1))).isFalse();
    assertThat(SigV4.signaturesMatch(SIG, new String(SIG))).isTrue();
  }
}
