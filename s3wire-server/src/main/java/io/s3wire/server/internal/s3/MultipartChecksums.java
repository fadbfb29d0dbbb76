package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.StoredUpload;
import io.s3wire.xml.CompletedPart;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3's flexible checksums on multipart uploads: the algorithm and type CreateMultipartUpload
 * chooses (CRC64NVME FULL_OBJECT only; CRC32 and CRC32C either; SHA1 and SHA256 COMPOSITE only;
 * the type by default FULL_OBJECT for CRC64NVME, else COMPOSITE), the parts that must carry that
 * algorithm, the part checksums CompleteMultipartUpload lists, and the object's checksum formed
 * from the parts' (FULL_OBJECT: the CRCs combined, no bytes read again; COMPOSITE: the checksum of
 * the checksums, {@code -N}). An upload without an algorithm keeps S3's default, CRC64NVME
 * FULL_OBJECT, whatever checksums its parts were sent with.
 */
final class MultipartChecksums {
  private static final Pattern PART_COUNT = Pattern.compile("(.*)-([0-9]+)");

  private MultipartChecksums() {}

  /** The checksum a multipart upload is created with; {@code null}s for none. */
  record Choice(ChecksumAlgorithm algorithm, ChecksumType type) {}

  /** CreateMultipartUpload's {@code x-amz-checksum-algorithm} and {@code x-amz-checksum-type}. */
  static Choice forCreate(S3Call call) {
    String named = call.header(ChecksumHeaders.ALGORITHM);
    ChecksumType type = ChecksumHeaders.type(call);
    ChecksumAlgorithm algorithm = named == null ? null : ChecksumHeaders.algorithm(named);
    if (algorithm == null) {
      if (type != null) {
        throw ChecksumHeaders.invalid(
            "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
      }
      return new Choice(null, null);
    }
    if (type == null) {
      type = defaultType(algorithm);
    }
    if (type == ChecksumType.FULL_OBJECT ? !algorithm.supportsFullObject() : !algorithm.supportsComposite()) {
      throw ChecksumHeaders.invalid("The " + type + " checksum type cannot be used with the " + lower(algorithm)
          + " checksum algorithm.");
    }
    return new Choice(algorithm, type);
  }

  /** CreateMultipartUpload's answer names the checksum, as S3's does. */
  static void answerCreate(HttpHeaders h, Choice choice) {
    if (choice.algorithm() != null) {
      h.set(ChecksumHeaders.ALGORITHM, choice.algorithm().name());
      h.set(ChecksumHeaders.TYPE, choice.type().name());
    }
  }

  /** The type of an upload's object: as created, or the default of its algorithm; {@code null} without one. */
  static ChecksumType type(StoredUpload upload) {
    if (upload.checksumAlgorithm() == null) {
      return null;
    }
    return upload.checksumType() != null ? upload.checksumType() : defaultType(upload.checksumAlgorithm());
  }

  private static ChecksumType defaultType(ChecksumAlgorithm algorithm) {
    return algorithm.supportsComposite() ? ChecksumType.COMPOSITE : ChecksumType.FULL_OBJECT;
  }

  /** The algorithm every part of {@code upload} keeps: the upload's, else S3's default. */
  static ChecksumAlgorithm partAlgorithm(StoredUpload upload) {
    return upload.checksumAlgorithm() != null ? upload.checksumAlgorithm() : ObjectStore.DEFAULT_CHECKSUM;
  }

  /**
   * Refuses an UploadPart whose checksum is not the upload's: another algorithm, or none for a
   * COMPOSITE upload (a FULL_OBJECT upload computes it: its parts may come without). An upload
   * created without an algorithm takes parts with any checksum, or none.
   */
  static void checkPart(StoredUpload upload, ChecksumHeaders.Claim claim) {
    ChecksumAlgorithm expected = upload.checksumAlgorithm();
    if (expected == null) {
      return;
    }
    if (claim == null ? type(upload) == ChecksumType.COMPOSITE : claim.algorithm() != expected) {
      throw ChecksumHeaders.invalid("Checksum Type mismatch occurred, expected checksum Type: " + lower(expected)
          + ", actual checksum Type: " + (claim == null ? "null" : lower(claim.algorithm())));
    }
  }

  /**
   * Whether a {@code <Part>} of CompleteMultipartUpload names the stored part's checksum (false:
   * InvalidPart). Of an upload created with an algorithm, every part must name its checksum of that
   * algorithm; of one without, a checksum named is compared only when it is of the algorithm kept.
   *
   * @throws S3ErrorException InvalidArgument for two checksums or a malformed one, InvalidRequest
   *     for a missing one, BadDigest for one of another algorithm
   */
  static boolean partMatches(StoredUpload upload, CompletedPart requested, StoredPart stored) {
    Map<ChecksumAlgorithm, String> given = requested.checksums();
    if (given.size() > 1) {
      StringBuilder all = new StringBuilder();
      given.forEach((a, v) -> all.append(a.name()).append(':').append(v).append(';'));
      throw invalidPartChecksum(all.toString());
    }
    ChecksumAlgorithm expected = upload.checksumAlgorithm();
    if (given.isEmpty()) {
      if (expected != null) {
        throw ChecksumHeaders.invalid("The upload was created using a " + lower(expected) + " checksum. The complete"
            + " request must include the checksum for each part. It was missing for part " + requested.partNumber()
            + " in the request.");
      }
      return true;
    }
    Map.Entry<ChecksumAlgorithm, String> named = given.entrySet().iterator().next();
    byte[] value;
    try {
      value = named.getKey().parse(named.getValue().trim());
    } catch (IllegalArgumentException e) {
      throw invalidPartChecksum(named.getValue());
    }
    ObjectChecksum kept = stored.checksum();
    if (expected == null) {
      return kept == null || kept.algorithm() != named.getKey() || MessageDigest.isEqual(value, kept.bytes());
    }
    if (named.getKey() != expected) {
      throw new S3ErrorException(S3ErrorCode.BAD_DIGEST, "The " + lower(named.getKey()) + " you specified for part "
          + requested.partNumber() + " did not match what we received.");
    }
    return kept != null && kept.algorithm() == expected && MessageDigest.isEqual(value, kept.bytes());
  }

  private static S3ErrorException invalidPartChecksum(String value) {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid Base64 or multiple checksums present in request",
        Map.of("ArgumentName", "Checksum", "ArgumentValue", value));
  }

  /**
   * The checksum of the object {@code chosen} make, checked against a whole-object checksum the
   * request names for the upload's algorithm ({@code x-amz-checksum-crc32}...; BadDigest). Headers
   * of other algorithms, or any for an upload created without one, are ignored, as by S3.
   * {@code null} when a part has no checksum of the kept algorithm (written by an older store).
   *
   * @throws S3ErrorException InvalidRequest for an {@code x-amz-checksum-type} that is not the
   *     upload's, two checksum headers or a malformed one
   */
  static ObjectChecksum complete(S3Call call, StoredUpload upload, List<StoredPart> chosen) {
    ChecksumType requestedType = ChecksumHeaders.type(call);
    ChecksumType type = type(upload);
    if (requestedType != null && requestedType != type) {
      throw ChecksumHeaders.invalid("The upload was created using the " + (type == null ? "null" : type.name())
          + " checksum mode. The complete request must use the same checksum mode.");
    }
    Map<ChecksumAlgorithm, String> headers = ChecksumHeaders.values(call);
    ChecksumAlgorithm algorithm = partAlgorithm(upload);
    ObjectChecksum made = combine(chosen, algorithm, type == null ? ChecksumType.FULL_OBJECT : type);
    String claimed = upload.checksumAlgorithm() == null ? null : headers.get(algorithm);
    if (claimed != null) {
      String value = claimed.trim();
      Matcher counted = PART_COUNT.matcher(value);
      boolean withCount = type == ChecksumType.COMPOSITE && counted.matches();
      byte[] bytes = ChecksumHeaders.value(algorithm, withCount ? counted.group(1) : value,
          algorithm.headerName() + " header");
      boolean countMatches = !withCount || Integer.toString(chosen.size()).equals(counted.group(2));
      if (made != null && (!countMatches || !MessageDigest.isEqual(bytes, made.bytes()))) {
        throw ChecksumHeaders.badDigest(algorithm);
      }
    }
    return made;
  }

  /** The checksum of an object made of {@code parts}; {@code null} when one has none of {@code algorithm}. */
  static ObjectChecksum combine(List<StoredPart> parts, ChecksumAlgorithm algorithm, ChecksumType type) {
    if (parts.stream().anyMatch(p -> p.checksum() == null || p.checksum().algorithm() != algorithm)) {
      return null;
    }
    if (type == ChecksumType.COMPOSITE) {
      return new ObjectChecksum(algorithm, algorithm.composite(parts.stream().map(p -> p.checksum().bytes()).toList()),
          ChecksumType.COMPOSITE);
    }
    byte[] acc = algorithm.empty();
    for (StoredPart p : parts) {
      acc = algorithm.combine(acc, p.checksum().bytes(), p.size());
    }
    return ObjectChecksum.fullObject(algorithm, acc);
  }

  private static String lower(ChecksumAlgorithm algorithm) {
    return algorithm.name().toLowerCase(Locale.ROOT);
  }
}
