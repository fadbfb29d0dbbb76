package io.s3wire.bench.compat;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Small helpers the probes share: test bytes, expected checksums (the SDK's own), short calls. */
final class ProbeSupport {
  static final int MIB = 1 << 20;

  private ProbeSupport() {}

  /** {@code n} pseudo-random bytes, the same for the same seed. */
  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /**
   * Writes a fixture object the way every S3 client could before aws-chunked uploads became the SDKs'
   * default: one signed request, payload hash signed, no checksum. Rows about uploading use the SDK
   * instead; this keeps a server's trouble with the SDK's default upload out of rows about other
   * features.
   *
   * @return the ETag
   */
  static String put(ProbeContext c, String bucket, String key, byte[] body) throws Exception {
    RawHttp.Response r = c.raw().signed(c.raw().request(SdkHttpMethod.PUT, RawHttp.objectPath(bucket, key), Map.of()),
        body, o -> {});
    c.expectAnswer("fixture PUT of " + key, r, 200, "");
    return r.header("ETag");
  }

  static byte[] get(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  /** The SDK's checksum implementation for an S3 checksum algorithm. */
  static SdkChecksum sdkChecksum(ChecksumAlgorithm a) {
    return SdkChecksum.forAlgorithm(switch (a) {
      case CRC32 -> DefaultChecksumAlgorithm.CRC32;
      case CRC32_C -> DefaultChecksumAlgorithm.CRC32C;
      case CRC64_NVME -> DefaultChecksumAlgorithm.CRC64NVME;
      case SHA1 -> DefaultChecksumAlgorithm.SHA1;
      case SHA256 -> DefaultChecksumAlgorithm.SHA256;
      default -> throw new IllegalArgumentException("no checksum for " + a);
    });
  }

  static byte[] checksumBytes(ChecksumAlgorithm a, byte[] data) {
    SdkChecksum c = sdkChecksum(a);
    c.update(data, 0, data.length);
    return c.getChecksumBytes();
  }

  /** The base64 checksum of {@code data}, as S3 writes it in x-amz-checksum-*. */
  static String checksum(ChecksumAlgorithm a, byte[] data) {
    return Base64.getEncoder().encodeToString(checksumBytes(a, data));
  }

  /** S3's COMPOSITE multipart checksum: the checksum of the parts' checksums, then -N. */
  static String composite(ChecksumAlgorithm a, List<byte[]> parts) {
    SdkChecksum c = sdkChecksum(a);
    for (byte[] p : parts) {
      byte[] v = checksumBytes(a, p);
      c.update(v, 0, v.length);
    }
    return Base64.getEncoder().encodeToString(c.getChecksumBytes()) + "-" + parts.size();
  }

  /** The header name of an algorithm's checksum, e.g. {@code x-amz-checksum-crc32c}. */
  static String header(ChecksumAlgorithm a) {
    return "x-amz-checksum-" + switch (a) {
      case CRC32 -> "crc32";
      case CRC32_C -> "crc32c";
      case CRC64_NVME -> "crc64nvme";
      case SHA1 -> "sha1";
      case SHA256 -> "sha256";
      default -> throw new IllegalArgumentException("no checksum for " + a);
    };
  }

  static String of(ChecksumAlgorithm a, PutObjectResponse r) {
    return switch (a) {
      case CRC32 -> r.checksumCRC32();
      case CRC32_C -> r.checksumCRC32C();
      case CRC64_NVME -> r.checksumCRC64NVME();
      case SHA1 -> r.checksumSHA1();
      case SHA256 -> r.checksumSHA256();
      default -> null;
    };
  }

  static String of(ChecksumAlgorithm a, HeadObjectResponse r) {
    return switch (a) {
      case CRC32 -> r.checksumCRC32();
      case CRC32_C -> r.checksumCRC32C();
      case CRC64_NVME -> r.checksumCRC64NVME();
      case SHA1 -> r.checksumSHA1();
      case SHA256 -> r.checksumSHA256();
      default -> null;
    };
  }

  static String of(ChecksumAlgorithm a, GetObjectResponse r) {
    return switch (a) {
      case CRC32 -> r.checksumCRC32();
      case CRC32_C -> r.checksumCRC32C();
      case CRC64_NVME -> r.checksumCRC64NVME();
      case SHA1 -> r.checksumSHA1();
      case SHA256 -> r.checksumSHA256();
      default -> null;
    };
  }
}
