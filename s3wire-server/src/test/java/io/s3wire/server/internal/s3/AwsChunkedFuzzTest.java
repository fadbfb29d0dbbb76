package io.s3wire.server.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.auth.CredentialScope;
import io.s3wire.auth.SigV4;
import io.s3wire.auth.internal.SigningKeys;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.auth.Authenticator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the server's aws-chunked decoder, unsigned and signed, with trailers. Any body decodes or
 * throws {@link S3ErrorException} (IncompleteBody, SignatureDoesNotMatch), never yields more bytes than
 * it holds, and stays within the allocation budget (a huge chunk-size must not be allocated); a body
 * encoded the way clients do (chunks of fuzzed sizes, signed with core's chunk signatures when signed,
 * trailers at the end) decodes to its payload and trailers. Seeds: {@code
 * AwsChunkedFuzzTestInputs/bodies/} (first byte: bit 0 signed, bit 1 encode the rest rather than decode
 * it raw).
 */
class AwsChunkedFuzzTest {
  private static final List<Class<? extends Throwable>> TYPED = List.of(S3ErrorException.class);
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String AMZ_DATE = "20130524T000000Z";
  private static final CredentialScope SCOPE = new CredentialScope("20130524", "us-east-1", "s3");
  private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
  private static final Authenticator.ChunkSigning SIGNING = new Authenticator.ChunkSigning(
      SigningKeys.signingKey(SECRET, SCOPE.date(), SCOPE.region(), SCOPE.service()), AMZ_DATE, SCOPE.toString(), SEED);

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void bodies(FuzzedDataProvider data) throws IOException {
    EXECUTIONS.ran();
    int mode = data.consumeInt(0, 3);
    boolean signed = (mode & 1) != 0;
    if ((mode & 2) == 0) {
      byte[] raw = data.consumeRemainingAsBytes();
      byte[] decoded = FuzzChecks.valueOrTyped(raw.length, TYPED, () -> decode(raw, signed, new LinkedHashMap<>()));
      if (decoded != null) {
        assertThat(decoded.length).as("decoded bytes of a %d-byte body", raw.length).isLessThanOrEqualTo(raw.length);
      }
      return;
    }
    Map<String, String> trailers = new LinkedHashMap<>();
    int trailerCount = data.consumeInt(0, 3);
    for (int i = 0; i < trailerCount; i++) {
      String name = "x-amz-checksum-" + data.consumeAsciiString(8).replaceAll("[^a-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
      String value = data.consumeAsciiString(40).replaceAll("[^A-Za-z0-9+/=]", "");
      trailers.put(name, value);
    }
    int chunk = data.consumeInt(1, 9000);
    byte[] payload = data.consumeRemainingAsBytes();
    byte[] body = encode(payload, chunk, signed, trailers);
    Map<String, String> decodedTrailers = new LinkedHashMap<>();
    assertThat(decode(body, signed, decodedTrailers)).as("payload of %d bytes in chunks of %d", payload.length, chunk)
        .isEqualTo(payload);
    assertThat(decodedTrailers).isEqualTo(trailers);
  }

  private static byte[] decode(byte[] body, boolean signed, Map<String, String> trailers) throws IOException {
    InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(body), signed ? SIGNING : null, trailers);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
      out.write(buffer, 0, n);
      if (out.size() > body.length) {
        break; // more out than in: the assertion above reports it
      }
    }
    return out.toByteArray();
  }

  // As the SDKs send it: hex size, the chunk signature chained from the seed, CRLFs, then trailers.
  private static byte[] encode(byte[] payload, int chunk, boolean signed, Map<String, String> trailers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String previous = SEED;
    int offset = 0;
    while (true) {
      int n = Math.min(chunk, payload.length - offset);
      StringBuilder header = new StringBuilder(Integer.toHexString(n));
      if (signed) {
        previous = SigV4.chunkSignature(SECRET, AMZ_DATE, SCOPE, previous, sha256(payload, offset, n));
        header.append(";chunk-signature=").append(previous);
      }
      out.writeBytes(header.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(payload, offset, n);
      if (n == 0) {
        break;
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      offset += n;
    }
    StringBuilder tail = new StringBuilder();
    trailers.forEach((name, value) -> tail.append(name).append(':').append(value).append("\r\n"));
    out.writeBytes(tail.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String sha256(byte[] b, int offset, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(b, offset, length);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
