package io.s3wire.transfer;

import io.s3wire.retry.RetryPolicy;
import java.util.Objects;

/**
 * How a {@link TransferManager} splits and paces transfers.
 *
 * @param multipartThreshold objects up to this size go as one PUT or one GET; larger ones in parts
 * @param partSize the part (and download range) size; {@code 0} chooses it from the object's size
 *     (at least {@link #DEFAULT_PART_SIZE}, large enough for at most 10,000 parts)
 * @param maxConcurrency parts in flight at once per transfer; for streams also the number of part
 *     buffers, so a stream upload holds at most {@code maxConcurrency * partSize} bytes
 * @param contentMd5 whether each part's MD5 is computed before it is sent and sent as {@code
 *     Content-MD5} (where the provider accepts it); otherwise it is computed while sending. Either
 *     way it is compared with the part's ETag
 * @param partRetry how often one part is sent again after its request failed, on top of the client's
 *     own retries: a part may be replaced, so any failure but invalid input is worth another try
 * @param checksum how uploads and downloads are verified ({@code contentMd5} applies to MD5 only)
 */
public record TransferConfig(long multipartThreshold, long partSize, int maxConcurrency, boolean contentMd5,
    RetryPolicy partRetry, TransferChecksum checksum) {
  /** 8 MiB, as the AWS transfer managers use. */
  public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

  /** 5 MiB: S3's smallest part, except the last one of an upload. */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  /** 5 GiB: S3's largest part. */
  public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
  /** S3's most parts in one multipart upload. */
  public static final int MAX_PARTS = 10_000;
  /** The most parts in flight one transfer may have. */
  public static final int MAX_CONCURRENCY = 256;
  /** 5 TiB: S3's largest object. */
  public static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

  /**
   * A configuration verifying with {@link TransferChecksum#AUTO}.
   *
   * @param multipartThreshold the size in bytes above which a transfer goes in parts; not negative
   * @param partSize the part size in bytes, 5 MiB to 5 GiB, or {@code 0} to choose it from the object's size
   * @param maxConcurrency parts in flight at once per transfer, 1 to {@link #MAX_CONCURRENCY}
   * @param contentMd5 whether each part's MD5 is computed before it is sent and sent as {@code Content-MD5}
   * @param partRetry how often one part is sent again after its request failed; not {@code null}
   * @throws IllegalArgumentException when a size or the concurrency is out of range
   * @throws NullPointerException when {@code partRetry} is {@code null}
   */
  public TransferConfig(long multipartThreshold, long partSize, int maxConcurrency, boolean contentMd5, RetryPolicy partRetry) {
    this(multipartThreshold, partSize, maxConcurrency, contentMd5, partRetry, TransferChecksum.AUTO);
  }

  /**
   * Checks every component against S3's limits.
   *
   * @param multipartThreshold the size in bytes above which a transfer goes in parts; not negative
   * @param partSize the part size in bytes, 5 MiB to 5 GiB, or {@code 0} to choose it from the object's size
   * @param maxConcurrency parts in flight at once per transfer, 1 to {@link #MAX_CONCURRENCY}
   * @param contentMd5 whether each part's MD5 is computed before it is sent and sent as {@code Content-MD5}
   * @param partRetry how often one part is sent again after its request failed; not {@code null}
   * @param checksum how uploads and downloads are verified; not {@code null}
   * @throws IllegalArgumentException when a size or the concurrency is out of range
   * @throws NullPointerException when {@code partRetry} or {@code checksum} is {@code null}
   */
  public TransferConfig {
    Objects.requireNonNull(partRetry, "partRetry");
    Objects.requireNonNull(checksum, "checksum");
    if (multipartThreshold < 0) {
      throw new IllegalArgumentException("multipartThreshold must not be negative, was " + multipartThreshold);
    }
    if (partSize != 0 && (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE)) {
      throw new IllegalArgumentException("partSize must be 0 (automatic) or 5 MiB to 5 GiB, was " + partSize);
    }
    if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("maxConcurrency must be 1 to " + MAX_CONCURRENCY + ", was " + maxConcurrency);
    }
  }

  /**
   * 16 MiB threshold, automatic part size, 8 parts in flight, CRC32C where the provider takes it
   * (else Content-MD5), three tries per part.
   *
   * @return the default configuration
   */
  public static TransferConfig defaults() {
    return new TransferConfig(16L * 1024 * 1024, 0, 8, true, RetryPolicy.defaults(), TransferChecksum.AUTO);
  }

  /**
   * This configuration with another multipart threshold.
   *
   * @param v the size in bytes above which a transfer goes in parts; not negative
   * @return a new configuration; this one does not change
   * @throws IllegalArgumentException when {@code v} is out of range
   */
  public TransferConfig withMultipartThreshold(long v) {
    return new TransferConfig(v, partSize, maxConcurrency, contentMd5, partRetry, checksum);
  }

  /**
   * This configuration with another part size.
   *
   * @param v the part size in bytes, 5 MiB to 5 GiB, or {@code 0} for automatic
   * @return a new configuration; this one does not change
   * @throws IllegalArgumentException when {@code v} is out of range
   */
  public TransferConfig withPartSize(long v) {
    return new TransferConfig(multipartThreshold, v, maxConcurrency, contentMd5, partRetry, checksum);
  }

  /**
   * This configuration with another number of parts in flight per transfer.
   *
   * @param v 1 to {@link #MAX_CONCURRENCY}
   * @return a new configuration; this one does not change
   * @throws IllegalArgumentException when {@code v} is out of range
   */
  public TransferConfig withMaxConcurrency(int v) {
    return new TransferConfig(multipartThreshold, partSize, v, contentMd5, partRetry, checksum);
  }

  /**
   * This configuration with {@code Content-MD5} on parts turned on or off.
   *
   * @param v {@code true} to compute each part's MD5 before sending it and send it as {@code Content-MD5}
   * @return a new configuration; this one does not change
   */
  public TransferConfig withContentMd5(boolean v) {
    return new TransferConfig(multipartThreshold, partSize, maxConcurrency, v, partRetry, checksum);
  }

  /**
   * This configuration with another way of verifying transfers.
   *
   * @param v the checksum, not {@code null}
   * @return a new configuration; this one does not change
   * @throws NullPointerException when {@code v} is {@code null}
   */
  public TransferConfig withChecksum(TransferChecksum v) {
    return new TransferConfig(multipartThreshold, partSize, maxConcurrency, contentMd5, partRetry, v);
  }

  /**
   * This configuration with another retry policy for parts.
   *
   * @param v the policy, not {@code null}
   * @return a new configuration; this one does not change
   * @throws NullPointerException when {@code v} is {@code null}
   */
  public TransferConfig withPartRetry(RetryPolicy v) {
    return new TransferConfig(multipartThreshold, partSize, maxConcurrency, contentMd5, v, checksum);
  }

  /**
   * The part size for an object of {@code size} bytes: {@code partSize} when set, else the smallest
   * whole number of MiB at least {@link #DEFAULT_PART_SIZE} that needs no more than 10,000 parts.
   *
   * @param size the object's size in bytes
   * @return the part size in bytes
   * @throws io.s3wire.error.ClientException when the object is over 5 TiB or the set part size
   *     would need more than 10,000 parts
   */
  public long partSizeFor(long size) {
    if (size > MAX_OBJECT_SIZE) {
      throw new io.s3wire.error.ClientException("object size", size + " bytes is over S3's 5 TiB object limit");
    }
    if (partSize != 0) {
      long parts = size == 0 ? 1 : (size + partSize - 1) / partSize;
      if (parts > MAX_PARTS) {
        throw new io.s3wire.error.ClientException("part size", "parts of " + partSize + " bytes make "
            + String.format(java.util.Locale.ROOT, "%,d", parts) + " parts of a " + size
            + "-byte object; S3 allows at most 10,000");
      }
      return partSize;
    }
    long mib = 1024 * 1024;
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    long rounded = (needed + mib - 1) / mib * mib;
    return Math.max(DEFAULT_PART_SIZE, rounded);
  }
}
