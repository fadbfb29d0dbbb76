package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectParts;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.internal.store.Digests;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * S3's flexible checksums on single bodies: a client's checksum (header, or aws-chunked trailer)
 * checked against the one computed in the same pass as the store's MD5; the checksum each body
 * keeps (the client's algorithm, else S3's default, CRC64NVME); the checksum in PutObject,
 * UploadPart and copy answers; and the stored checksum in GET and HEAD answers under {@code
 * x-amz-checksum-mode: ENABLED}. Multipart objects: {@link MultipartChecksums}.
 *
 * <p>Profiles that refuse {@code x-amz-checksum-*} headers never get here ({@link ProfileChecks}).
 */
final class Checksums {
  private Checksums() {}

  /**
   * A PutObject's or UploadPart's body, wrapped so that MD5 and the checksums are computed once: the
   * one the body is to keep ({@code stored}, for the store) and the one the client claims, checked
   * when the body ends: BadDigest then, before the store keeps anything.
   */
  static Digests.DigestingInputStream checkedBody(S3Call call, ChecksumHeaders.Claim claim,
      ChecksumAlgorithm stored) {
    Set<ChecksumAlgorithm> computed = EnumSet.of(stored);
    if (claim != null) {
      computed.add(claim.algorithm());
    }
    return new Digests.DigestingInputStream(call.body, computed, body -> {
      if (claim != null) {
        byte[] expected = claim.inTrailer() ? ChecksumHeaders.trailerValue(call, claim.algorithm())
            : claim.headerValue();
        if (!java.security.MessageDigest.isEqual(expected, body.value(claim.algorithm()))) {
          throw ChecksumHeaders.badDigest(claim.algorithm());
        }
      }
    });
  }

  /** The algorithm a PutObject's body keeps: the client's, else S3's default. */
  static ChecksumAlgorithm forPut(ChecksumHeaders.Claim claim) {
    return claim != null ? claim.algorithm() : ObjectStore.DEFAULT_CHECKSUM;
  }

  /**
   * Puts a checksum in an answer: {@code x-amz-checksum-<algorithm>}, and with {@code withType}
   * {@code x-amz-checksum-type} (PutObject, GET and HEAD have it; UploadPart does not).
   */
  static void answer(HttpHeaders h, ObjectChecksum checksum, boolean withType) {
    if (checksum != null) {
      h.set(checksum.algorithm().headerName(), checksum.value());
      if (withType) {
        h.set(ChecksumHeaders.TYPE, checksum.type().name());
      }
    }
  }

  /** The claimed checksum of a body read to its end, as an answer gives it back. */
  static ObjectChecksum claimed(ChecksumHeaders.Claim claim, Digests.DigestingInputStream body) {
    return claim == null ? null : ObjectChecksum.fullObject(claim.algorithm(), body.value(claim.algorithm()));
  }

  /**
   * Adds the object's checksum to a GET or HEAD answer when the request has {@code
   * x-amz-checksum-mode: ENABLED}, the object has one and the answer is not a range (S3 gives none
   * for a range: it would not cover the bytes sent).
   */
  static void describe(HttpHeaders h, StoredObject info, S3Call call, boolean ranged) {
    if (ChecksumHeaders.modeEnabled(call) && !ranged) {
      answer(h, info.checksum(), true);
    }
  }

  /**
   * Adds the checksum of part {@code n} to a GET or HEAD answer with {@code partNumber} under {@code
   * x-amz-checksum-mode: ENABLED}, as S3 gives it: of an object with a COMPOSITE checksum, the
   * part's own checksum (the one UploadPart kept) with type COMPOSITE; of any other object, its
   * checksum only when the part is all of it (part 1 of an object stored whole or completed from
   * one part), since no other checksum describes the part's bytes.
   */
  static void describePart(HttpHeaders h, ObjectParts parts, int n, S3Call call) {
    if (!ChecksumHeaders.modeEnabled(call)) {
      return;
    }
    ObjectChecksum whole = parts.info().checksum();
    if (whole != null && whole.type() == ChecksumType.COMPOSITE) {
      ObjectChecksum own = parts.partChecksum(n);
      if (own != null) {
        h.set(own.algorithm().headerName(), own.value());
        h.set(ChecksumHeaders.TYPE, ChecksumType.COMPOSITE.name());
      }
    } else if (parts.partSizes().size() <= 1) {
      answer(h, whole, true);
    }
  }

  /**
   * The algorithm a copy's new object keeps: {@code x-amz-checksum-algorithm} when given, else the
   * source's (its COMPOSITE checksum becomes a FULL_OBJECT one: a copy is one body), else S3's default.
   */
  static ChecksumAlgorithm forCopy(S3Call call, StoredObject source) {
    String named = call.header(ChecksumHeaders.ALGORITHM);
    if (named != null) {
      return ChecksumHeaders.algorithm(named);
    }
    return source.checksum() != null ? source.checksum().algorithm() : ObjectStore.DEFAULT_CHECKSUM;
  }

  /** A checksum as the XML answers carry it ({@code <ChecksumCRC32>}...): one entry, or none. */
  static Map<ChecksumAlgorithm, String> xml(ObjectChecksum checksum) {
    return checksum == null ? Map.of() : Map.of(checksum.algorithm(), checksum.value());
  }
}
