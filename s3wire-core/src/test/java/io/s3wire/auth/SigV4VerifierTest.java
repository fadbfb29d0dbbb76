package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server-side check, fed with what {@link SigV4Signer} produces. */
class SigV4VerifierTest {
  static final Credentials CREDS = Credentials.of("AKID", "secret", "tok");
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  static final Map<String, String> KEYS = Map.of("AKID", "secret");

  static SigV4Verifier.Result verify(HttpRequest signed, Instant now, Map<String, String> keys) {
    HttpHeaders received = signed.headers().toBuilder().add("host", signed.authority()).build();
    return SigV4Verifier.verify(signed.method(), signed.uri().getRawPath(), signed.uri().getRawQuery(), received,
        k -> Optional.ofNullable(keys.get(k)), now);
  }

  static HttpRequest request() {
    return new HttpRequest("PUT", URI.create("http://127.0.0.1:9000/b/a%20key//..?x-id=PutObject"),
        HttpHeaders.of("Content-Type", "text/plain", "x-amz-meta-k", " v  v "), RequestBody.empty());
  }

  @Test
  void headerSignedRequestVerifies() {
    HttpRequest signed = SigV4Signer.s3().sign(request(), CREDS, "us-east-1", "s3", T, PayloadHash.UNSIGNED);
    assertThat(verify(signed, T.plusSeconds(60), KEYS))
        .isInstanceOfSatisfying(SigV4Verifier.Verified.class, v -> assertThat(v.accessKeyId()).isEqualTo("AKID"));
  }

  @Test
  void presignedRequestVerifiesUntilItExpires() {
    HttpRequest presigned = SigV4Signer.s3().presign(request(), CREDS, "us-east-1", "s3", T, Duration.ofSeconds(100));
    assertThat(verify(presigned, T.plusSeconds(100), KEYS)).isInstanceOf(SigV4Verifier.Verified.class);
    assertThat(verify(presigned, T.plusSeconds(101), KEYS))
        .isEqualTo(new SigV4Verifier.Rejected(403, "AccessDenied", "Request has expired", null));
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatchWithTheServersTexts() {
    HttpRequest signed = SigV4Signer.s3().sign(request(), Credentials.of("AKID", "wrong"), "us-east-1", "s3", T,
        PayloadHash.UNSIGNED);
    SigV4Verifier.Result r = verify(signed, T, KEYS);
    assertThat(r).isInstanceOfSatisfying(SigV4Verifier.Rejected.class, rej -> {
      assertThat(rej.status()).isEqualTo(403);
      assertThat(rej.code()).isEqualTo("SignatureDoesNotMatch");
      assertThat(rej.input().canonicalRequest().text()).isEqualTo("PUT\n/b/a%20key//..\nx-id=PutObject\n"
          + "content-type:text/plain\nhost:127.0.0.1:9000\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n"
          + "x-amz-date:20261127T100000Z\nx-amz-meta-k:v v\n\n"
          + "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-k\nUNSIGNED-PAYLOAD");
    });
  }

  @Test
  void tamperedHeaderIsRejected() {
    HttpRequest signed = SigV4Signer.s3().sign(request(), CREDS, "us-east-1", "s3", T, PayloadHash.UNSIGNED);
    HttpRequest tampered = signed.withHeaders(signed.headers().toBuilder().set("x-amz-meta-k", "other").build());
    assertThat(verify(tampered, T, KEYS)).isInstanceOfSatisfying(SigV4Verifier.Rejected.class,
        r -> assertThat(r.code()).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void unknownKeySkewMalformedAnonymousAndMissingContentSha() {
    HttpRequest signed = SigV4Signer.s3().sign(request(), CREDS, "us-east-1", "s3", T, PayloadHash.UNSIGNED);
    assertThat(verify(signed, T, Map.of())).isInstanceOfSatisfying(SigV4Verifier.Rejected.class,
        r -> assertThat(r.code()).isEqualTo("InvalidAccessKeyId"));
    assertThat(verify(signed, T.plus(Duration.ofMinutes(16)), KEYS)).isInstanceOfSatisfying(
        SigV4Verifier.Rejected.class, r -> assertThat(r.code()).isEqualTo("RequestTimeTooSkewed"));
    HttpRequest malformed = signed.withHeaders(signed.headers().toBuilder().set("Authorization", "AWS4-HMAC-SHA256 x").build());
    assertThat(verify(malformed, T, KEYS)).isInstanceOfSatisfying(SigV4Verifier.Rejected.class, r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.code()).isEqualTo("AuthorizationHeaderMalformed");
    });
    assertThat(verify(request(), T, KEYS)).isEqualTo(new SigV4Verifier.Anonymous());
    HttpRequest noSha = signed.withHeaders(signed.headers().toBuilder().remove("x-amz-content-sha256").build());
    assertThat(verify(noSha, T, KEYS)).isInstanceOfSatisfying(SigV4Verifier.Rejected.class,
        r -> assertThat(r.code()).isEqualTo("InvalidRequest"));
  }
}
