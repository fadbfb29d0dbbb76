package io.s3wire.bench.compat;

import static io.s3wire.bench.compat.ProbeSupport.bytes;
import static io.s3wire.bench.compat.ProbeSupport.checksum;
import static io.s3wire.bench.compat.ProbeSupport.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Rows for flexible checksums: each algorithm, each way of sending one, and S3's default. */
final class ChecksumProbes {
  private static final List<ChecksumAlgorithm> ALGORITHMS = List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
      ChecksumAlgorithm.CRC64_NVME, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256);

  private ChecksumProbes() {}

  static List<Probe> all() {
    List<Probe> rows = new ArrayList<>();
    for (ChecksumAlgorithm a : ALGORITHMS) {
      rows.add(new Probe("Checksums", "PutObject with " + a + " (SDK default: aws-chunked trailer)",
          "value echoed by PUT, returned by HEAD and GET with checksum mode; a wrong " + header(a)
              + " header 400 BadDigest",
          c -> algorithm(c, a)));
    }
    rows.add(new Probe("Checksums", "Checksum in a header, payload hash signed", "x-amz-checksum-sha256 stored and returned",
        ChecksumProbes::inHeader));
    rows.add(new Probe("Checksums", "Trailer, unsigned streaming (STREAMING-UNSIGNED-PAYLOAD-TRAILER)",
        "CRC32C trailer stored and returned (what the SDKs send over HTTPS)",
        c -> streamed(c, false, true)));
    rows.add(new Probe("Checksums", "Trailer, signed streaming (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER)",
        "CRC32C trailer stored and returned (what the SDKs send over HTTP)",
        c -> streamed(c, true, true)));
    rows.add(new Probe("Checksums", "Signed streaming without trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)",
        "aws-chunked body decoded and stored", c -> streamed(c, true, false)));
    rows.add(new Probe("Checksums", "Default checksum when the client names none",
        "HEAD with checksum mode returns the object's CRC64NVME (FULL_OBJECT), as S3 does for every new object",
        ChecksumProbes::defaultChecksum));
    return rows;
  }

  static void algorithm(ProbeContext c, ChecksumAlgorithm a) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(3000, 20);
    String expected = checksum(a, body);
    PutObjectResponse put = c.s3().putObject(r -> r.bucket(b).key("k").checksumAlgorithm(a), RequestBody.fromBytes(body));
    HeadObjectResponse head = c.s3().headObject(r -> r.bucket(b).key("k").checksumMode(ChecksumMode.ENABLED));
    c.expect(expected.equals(ProbeSupport.of(a, head)), "HEAD with checksum mode returns " + ProbeSupport.of(a, head));
    c.also(expected.equals(ProbeSupport.of(a, put)), "PUT response lacks the checksum");
    c.alsoCheck("GET does not return it", () -> expected.equals(ProbeSupport.of(a,
        c.s3().getObjectAsBytes(r -> r.bucket(b).key("k").checksumMode(ChecksumMode.ENABLED)).response())));
    RawHttp.Response bad = c.raw().signed(c.raw().request(SdkHttpMethod.PUT, RawHttp.objectPath(b, "bad"), Map.of())
        .putHeader(header(a), checksum(a, bytes(3000, 21))), body, o -> {});
    c.alsoAnswer("wrong " + header(a), bad, 400, "BadDigest");
  }

  static void inHeader(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(4000, 22);
    String expected = checksum(ChecksumAlgorithm.SHA256, body);
    RawHttp.Response r = c.raw().signed(c.raw().request(SdkHttpMethod.PUT, RawHttp.objectPath(b, "h"), Map.of())
        .putHeader("x-amz-checksum-sha256", expected), body, o -> {});
    c.expectAnswer("PUT", r, 200, "");
    c.also(expected.equals(r.header("x-amz-checksum-sha256")), "PUT response lacks the checksum");
    HeadObjectResponse head = c.s3().headObject(h -> h.bucket(b).key("h").checksumMode(ChecksumMode.ENABLED));
    c.expect(expected.equals(head.checksumSHA256()), "HEAD with checksum mode returns " + head.checksumSHA256());
  }

  static void streamed(ProbeContext c, boolean signedPayload, boolean trailer) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(70_000, 23);
    RawHttp.Response r = c.raw().signed(c.raw().request(SdkHttpMethod.PUT, RawHttp.objectPath(b, "s"), Map.of()), body, o -> {
      o.putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true);
      o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signedPayload);
      if (trailer) {
        o.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32C);
      }
    });
    c.expectAnswer("PUT", r, 200, "");
    c.expect(java.util.Arrays.equals(ProbeSupport.get(c.s3(), b, "s"), body), "stored bytes differ from those sent");
    if (trailer) {
      String expected = checksum(ChecksumAlgorithm.CRC32_C, body);
      HeadObjectResponse head = c.s3().headObject(h -> h.bucket(b).key("s").checksumMode(ChecksumMode.ENABLED));
      c.expect(expected.equals(head.checksumCRC32C()), "trailer checksum not stored (HEAD: " + head.checksumCRC32C() + ")");
      c.also(expected.equals(r.header("x-amz-checksum-crc32c")), "PUT response lacks the checksum");
    }
  }

  static void defaultChecksum(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(5000, 24);
    RawHttp.Response r = c.raw().signed(c.raw().request(SdkHttpMethod.PUT, RawHttp.objectPath(b, "d"), Map.of()), body, o -> {});
    c.expectAnswer("PUT", r, 200, "");
    HeadObjectResponse head = c.s3().headObject(h -> h.bucket(b).key("d").checksumMode(ChecksumMode.ENABLED));
    String expected = checksum(ChecksumAlgorithm.CRC64_NVME, body);
    c.expect(expected.equals(head.checksumCRC64NVME()), "no CRC64NVME returned (" + head.checksumCRC64NVME() + ")");
    c.also("FULL_OBJECT".equals(head.checksumTypeAsString()), "checksum type " + head.checksumTypeAsString());
  }
}
