package io.s3wire.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.auth.CanonicalRequest;
import io.s3wire.auth.CredentialScope;
import io.s3wire.auth.PathMode;
import io.s3wire.auth.SigV4;
import io.s3wire.auth.SigV4Canonicalizer;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.ServerProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the server's SigV4 verifier: any request (Authorization header, presigned query, headers,
 * path) is verified or refused with {@link S3ErrorException} (the S3 error the client sees), never
 * another exception; a request the client side signs correctly (core's canonicalisation and
 * signature over the fuzzed method, path, query and headers) is accepted. The clock is pinned to the
 * request's time. Seeds: {@code SigV4VerifierFuzzTestInputs/requests/}.
 */
class SigV4VerifierFuzzTest {
  private static final String ACCESS = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final Instant NOW = Instant.parse("2013-05-24T00:00:00Z");
  private static final String AMZ_DATE = "20130524T000000Z";
  private static final CredentialScope SCOPE = new CredentialScope("20130524", "us-east-1", "s3");
  private static final SigV4Verifier VERIFIER = new SigV4Verifier(ACCESS, SECRET, ServerProfile.S3, false, true);
  private static final List<Class<? extends Throwable>> TYPED = List.of(S3ErrorException.class);
  private static final List<String> RESERVED =
      List.of("authorization", "host", "x-amz-date", "date", "x-amz-content-sha256", "x-amz-security-token");

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void requests(FuzzedDataProvider data) {
    EXECUTIONS.ran();
    String method = data.consumeBoolean() ? "GET" : data.consumeString(8);
    String rawPath = data.consumeString(120);
    String rawQuery = data.consumeString(200);
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.add("host", "localhost:9000");
    headers.add("x-amz-date", AMZ_DATE);
    String payloadHashField = data.consumeBoolean() ? SigV4.UNSIGNED_PAYLOAD : data.consumeString(70);
    try {
      headers.add("x-amz-content-sha256", payloadHashField);
    } catch (IllegalArgumentException e) {
      headers.add("x-amz-content-sha256", SigV4.UNSIGNED_PAYLOAD); // Netty refuses it on the wire already
    }
    List<String> signed = new ArrayList<>(List.of("host", "x-amz-content-sha256", "x-amz-date"));
    int extra = data.consumeInt(0, 4);
    for (int i = 0; i < extra; i++) {
      String name = data.consumeString(20);
      String value = data.consumeString(60);
      if (RESERVED.contains(name.trim().toLowerCase(Locale.ROOT))) {
        continue; // the fields the signature itself is carried in stay as set above
      }
      try {
        headers.add(name, value);
      } catch (IllegalArgumentException e) {
        continue; // Netty refuses it on the wire already
      }
      if (!name.isEmpty() && data.consumeBoolean()) {
        signed.add(name);
      }
    }
    String authorization = data.consumeRemainingAsString();
    int length = rawPath.length() + rawQuery.length() + authorization.length() + 600;

    HttpHeaders forged = headers.copy();
    if (!authorization.isEmpty()) {
      forged.set("authorization", authorization);
    }
    FuzzChecks.valueOrTyped(length, TYPED,
        () -> VERIFIER.verify(new Authenticator.Request(method, rawPath, rawQuery, forged, NOW)));

    if (SigV2Presigned.isPresigned(rawQuery) || SigV4Verifier.isPresigned(rawQuery)) {
      return; // the query decides how the request is signed: not a header-signed request
    }
    io.s3wire.http.HttpHeaders.Builder core = io.s3wire.http.HttpHeaders.builder();
    for (Map.Entry<String, String> e : headers) {
      if (FuzzChecks.valueOrTyped(length, List.of(IllegalArgumentException.class),
          () -> core.add(e.getKey(), e.getValue())) == null) {
        return; // a field the client would not send
      }
    }
    String payloadHash = headers.get("x-amz-content-sha256").trim();
    CanonicalRequest cr = FuzzChecks.valueOrTyped(length, List.of(IllegalArgumentException.class),
        () -> SigV4Canonicalizer.canonicalRequest(method, rawPath, rawQuery, core.build(), signed, payloadHash,
            PathMode.S3));
    if (cr == null) {
      return;
    }
    String signature = SigV4.signature(SECRET, SigV4Canonicalizer.stringToSign(cr, AMZ_DATE, SCOPE));
    HttpHeaders good = headers.copy();
    good.set("authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS + "/" + SCOPE + ", SignedHeaders="
        + cr.signedHeaders() + ", Signature=" + signature);
    Authenticator.Verdict verdict = FuzzChecks.valueOrTyped(length, List.of(),
        () -> VERIFIER.verify(new Authenticator.Request(method, rawPath, rawQuery, good, NOW)));
    assertThat(verdict).as("verdict for a correctly signed %s %s?%s", method, rawPath, rawQuery).isNotNull();
    assertThat(cr.signedHeaders()).isEqualTo(cr.signedHeaders().toLowerCase(Locale.ROOT));
  }
}
