package io.s3wire.transfer;

import io.s3wire.checksum.ChecksumAlgorithm;

/**
 * How a transfer proves the bytes arrived intact.
 *
 * <p>MD5 is what every S3-compatible server understands (single-part ETags are MD5s), but it is
 * slow: about 0.5 GiB/s for one core, the largest cost of a fast transfer on a small machine. CRC32C
 * is an intrinsic of the JDK (many GiB/s) and pieces combine without being read again, so parts and
 * ranges are checked in parallel, and a part is sent straight from its file. CRC32 is as fast and
 * combines too; CRC64NVME (S3's default) combines but is computed in Java (about 1 GiB/s); SHA1 and
 * SHA256 do not combine: S3 gives multipart objects only COMPOSITE checksums of them.
 *
 * <p>Uploads with an algorithm: each part's checksum in {@code x-amz-checksum-<algorithm>} (the
 * server refuses a mismatch) and, on completion, the object's, which the server checks and answers
 * (FULL_OBJECT for the CRCs, COMPOSITE for the SHAs). Downloads with anything but MD5 ask for the
 * stored checksum ({@code x-amz-checksum-mode}) and check a FULL_OBJECT CRC of any of the three
 * against the ranges' values combined, or a FULL_OBJECT SHA against the whole file; objects without
 * one fall back to their MD5 ETag.
 */
public enum TransferChecksum {
  /** CRC32C where the provider profile accepts flexible checksums, else MD5. */
  AUTO(null),
  /**
   * Uploads: each part's MD5 (as {@code Content-MD5} or computed while sending) checked against its
   * ETag, and the multipart ETag against the MD5 of the parts' MD5s. Downloads: a plain-MD5 ETag
   * against the MD5 of the file.
   */
  MD5(null),
  /** CRC32 (the AWS SDKs' default), FULL_OBJECT. */
  CRC32(ChecksumAlgorithm.CRC32),
  /** CRC32C, FULL_OBJECT: the fastest on the JVM. */
  CRC32C(ChecksumAlgorithm.CRC32C),
  /** CRC64NVME (S3's default for objects sent without a checksum), FULL_OBJECT. */
  CRC64NVME(ChecksumAlgorithm.CRC64NVME),
  /** SHA1: parts checked one by one, the object by a COMPOSITE checksum. */
  SHA1(ChecksumAlgorithm.SHA1),
  /** SHA256: parts checked one by one, the object by a COMPOSITE checksum. */
  SHA256(ChecksumAlgorithm.SHA256);

  private final ChecksumAlgorithm algorithm;

  TransferChecksum(ChecksumAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  /**
   * The flexible-checksum algorithm this names, sent in {@code x-amz-checksum-<algorithm>}.
   *
   * @return the algorithm; {@code null} for AUTO (decided per provider) and MD5 (not a flexible checksum)
   */
  public ChecksumAlgorithm algorithm() {
    return algorithm;
  }
}
