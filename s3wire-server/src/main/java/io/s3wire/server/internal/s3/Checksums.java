package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.checksum.Crc32c;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectInfo;
import io.s3wire.server.PartInfo;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.UploadInfo;
import io.s3wire.server.internal.store.Digests;
import io.s3wire.xml.CompletedPart;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * S3's flexible checksums, CRC32C only: a client's {@code x-amz-checksum-crc32c} (header, or
 * aws-chunked trailer) checked against the CRC the store computes in the same pass as its MD5; the
 * checksum CreateMultipartUpload chooses; the parts' CRCs combined at CompleteMultipartUpload; and
 * the stored checksum in GET and HEAD answers under {@code x-amz-checksum-mode: ENABLED}.
 *
 * <p>Profiles that refuse {@code x-amz-checksum-*} headers never get here ({@link ProfileChecks}).
 */
final class Checksums {
  static final String CRC32C_HEADER = "x-amz-checksum-crc32c";
  private static final String TYPE_HEADER = "x-amz-checksum-type";
  private static final String ALGORITHM_HEADER = "x-amz-checksum-algorithm";
  private static final String CRC32C = "CRC32C";
  private static final Set<String> OTHER_AWS_ALGORITHMS = Set.of("CRC32", "CRC64NVME", "SHA1", "SHA256");

  private Checksums() {}

  /** The checksum a multipart upload was created with; {@code null}s for none. */
  record Choice(String algorithm, ChecksumType type) {}

  /** The checksum a completed multipart object keeps, and whether the answer reports it. */
  record Completed(String crc32c, ChecksumType type, boolean reported) {}

  /**
   * PutObject's or UploadPart's body, wrapped so that MD5 and CRC32C are computed once, for the
   * store, and the CRC32C the client sent (header, else trailer) is checked when the body ends:
   * BadDigest then, before the store keeps anything. A malformed header is InvalidRequest now.
   */
  static Digests.DigestingInputStream checkedBody(S3Call call) {
    String header = call.header(CRC32C_HEADER);
    Integer fromHeader = header == null ? null : parse(header, "header");
    return new Digests.DigestingInputStream(call.body, body -> {
      Integer expected = fromHeader;
      String trailer = call.trailers.get(CRC32C_HEADER);
      if (expected == null && trailer != null) {
        expected = parse(trailer, "trailing header");
      }
      if (expected != null && expected != body.crc32c()) {
        throw badDigest();
      }
    });
  }

  /**
   * Echoes the body's CRC32C in a PutObject or UploadPart answer when the client asked for that
   * checksum (header, declared trailer or {@code x-amz-sdk-checksum-algorithm}), as S3 does.
   */
  static void answerBody(HttpHeaders h, S3Call call, Digests.DigestingInputStream body, boolean wholeObject) {
    String trailer = call.header("x-amz-trailer");
    String sdk = call.header("x-amz-sdk-checksum-algorithm");
    boolean asked = call.header(CRC32C_HEADER) != null
        || trailer != null && trailer.toLowerCase(Locale.ROOT).contains(CRC32C_HEADER)
        || sdk != null && sdk.trim().equalsIgnoreCase(CRC32C);
    if (asked) {
      h.set(CRC32C_HEADER, body.crc32cBase64());
      if (wholeObject) {
        h.set(TYPE_HEADER, ChecksumType.FULL_OBJECT.name());
      }
    }
  }

  /**
   * Adds the object's checksum to a GET or HEAD answer when the request has
   * {@code x-amz-checksum-mode: ENABLED}, the object has one and the answer is not a range (S3
   * gives none for a range: it would not cover the bytes sent).
   */
  static void describe(HttpHeaders h, ObjectInfo info, S3Call call, boolean ranged) {
    String mode = call.header("x-amz-checksum-mode");
    if (mode != null && mode.trim().equalsIgnoreCase("ENABLED") && !ranged && info.checksumCrc32c() != null) {
      h.set(CRC32C_HEADER, info.checksumCrc32c());
      h.set(TYPE_HEADER, info.checksumType().name());
    }
  }

  /** CreateMultipartUpload's {@code x-amz-checksum-algorithm} and {@code x-amz-checksum-type}. */
  static Choice forCreate(S3Call call) {
    String algorithmValue = call.header(ALGORITHM_HEADER);
    String typeValue = call.header(TYPE_HEADER);
    String algorithm = null;
    if (algorithmValue != null) {
      String upper = algorithmValue.trim().toUpperCase(Locale.ROOT);
      if (OTHER_AWS_ALGORITHMS.contains(upper)) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "Checksum algorithm " + upper + " is not supported by this server; it supports CRC32C.");
      } else if (!upper.equals(CRC32C)) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "Value for x-amz-checksum-algorithm header is invalid: " + algorithmValue.trim());
      }
      algorithm = CRC32C;
    }
    ChecksumType type = null;
    if (typeValue != null) {
      type = ChecksumType.parse(typeValue);
      if (type == null) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "Value for x-amz-checksum-type header is invalid: " + typeValue.trim());
      }
      if (algorithm == null) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
      }
    }
    return new Choice(algorithm, type);
  }

  /** Whether a {@code <Part>}'s {@code <ChecksumCRC32C>}, if any, is the stored part's CRC32C. */
  static boolean partMatches(CompletedPart requested, PartInfo stored) {
    String claimed = requested.checksums().get(io.s3wire.checksum.ChecksumAlgorithm.CRC32C);
    if (claimed == null) {
      return true;
    }
    if (stored.checksumCrc32c() == null) {
      return false;
    }
    try {
      return Crc32c.parse(claimed.trim()) == Crc32c.parse(stored.checksumCrc32c());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The checksum of the object {@code chosen} makes: FULL_OBJECT (the parts' CRCs combined, equal
   * to the CRC32C of all its bytes) unless the upload asked for COMPOSITE. A client's
   * {@code x-amz-checksum-crc32c} must match it (BadDigest). It is reported when the upload was
   * created with CRC32C or the request names a CRC32C; it is kept in either case, unless a part
   * has no CRC (a store that keeps none).
   */
  static Completed complete(S3Call call, UploadInfo upload, List<PartInfo> chosen) {
    String header = call.header(CRC32C_HEADER);
    ChecksumType type = upload.checksumType() == ChecksumType.COMPOSITE ? ChecksumType.COMPOSITE
        : ChecksumType.FULL_OBJECT;
    String value = chosen.stream().allMatch(p -> p.checksumCrc32c() != null) ? combine(chosen, type) : null;
    if (header != null) {
      String claimed = header.trim();
      if (type == ChecksumType.COMPOSITE) {
        claimed = claimed.replaceFirst("-[0-9]+$", "");
      }
      int expected = parse(claimed, "header");
      if (value != null && expected != Crc32c.parse(value.replaceFirst("-[0-9]+$", ""))) {
        throw badDigest();
      }
    }
    boolean reported = value != null && (CRC32C.equals(upload.checksumAlgorithm()) || header != null);
    return new Completed(value, value == null ? null : type, reported);
  }

  private static String combine(List<PartInfo> parts, ChecksumType type) {
    if (type == ChecksumType.COMPOSITE) {
      ByteBuffer crcs = ByteBuffer.allocate(4 * parts.size());
      parts.forEach(p -> crcs.putInt(Crc32c.parse(p.checksumCrc32c())));
      CRC32C ofCrcs = new CRC32C();
      ofCrcs.update(crcs.flip());
      return Crc32c.base64((int) ofCrcs.getValue()) + "-" + parts.size();
    }
    return Digests.fullObjectCrc32c(parts);
  }

  private static int parse(String value, String where) {
    try {
      return Crc32c.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
          "Value for x-amz-checksum-crc32c " + where + " is invalid.", Map.of());
    }
  }

  private static S3ErrorException badDigest() {
    return new S3ErrorException(S3ErrorCode.BAD_DIGEST, "The CRC32C you specified did not match the calculated checksum.");
  }
}
