package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.Conditions;
import io.s3wire.GetObjectRequest;
import io.s3wire.HeadObjectRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.Range;
import io.s3wire.S3AsyncClient;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.internal.Futures;
import io.s3wire.transfer.TransferConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Downloads an object to a file: HEAD for size and ETag, then ranged GETs (each under {@code
 * If-Match} of that ETag, so a concurrent overwrite fails instead of mixing versions), {@code
 * maxConcurrency} at a time, each written at its place in a temporary file in the target's directory
 * by the transport's body threads. The temporary file is renamed over the target only when complete
 * and verified: a stored FULL_OBJECT CRC (CRC32C, CRC32 or CRC64NVME; asked for unless the transfer
 * uses MD5) against the ranges' values, each taken as its bytes are written and combined in order;
 * else a stored FULL_OBJECT SHA256 or SHA1, or a plain-MD5 ETag, against the digest of the file
 * (hashed while ranges arrive), the ETag only when {@link ObjectInfo#eTagIsMd5()} (not SSE-KMS or
 * SSE-C); else a multipart ETag ({@code md5-N}) by size and a plausible part
 * count. Any failure deletes it.
 *
 * <p>The request's version, SSE-C key and extras go on the HEAD and on every ranged GET; its
 * conditions on the HEAD (the ranges are held to the ETag it answered).
 */
final class FileDownload {
  /** The temporary file's suffix; its name starts with {@code .} and the target's name. */
  static final String TEMP_SUFFIX = ".s3wire-download";

  private final S3AsyncClient client;
  private final TransferConfig config;
  private final Executor workers;
  private final GetObjectRequest request;
  private final BucketKey object;
  private final Path target;
  private final TransferState state;

  FileDownload(S3AsyncClient client, TransferConfig config, Executor workers, GetObjectRequest request, Path target,
      TransferState state) {
    this.client = client;
    this.config = config;
    this.workers = workers;
    this.request = request;
    this.object = request.object();
    this.target = target.toAbsolutePath();
    this.state = state;
  }

  CompletableFuture<ObjectInfo> run() {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return CompletableFuture.failedFuture(new ClientException("target file", "directory of " + target + " does not exist"));
    }
    boolean checksums;
    try {
      checksums = Transfers.downloadsUseChecksums(config, client);
    } catch (ClientException e) {
      return CompletableFuture.failedFuture(e);
    }
    return client.headObject(Transfers.head(request).withChecksums(checksums)).thenCompose(info -> {
      Path tmp;
      FileChannel ch;
      try {
        tmp = Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX);
        ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ);
      } catch (IOException e) {
        throw new CompletionException(new ClientException("target file", "cannot write in " + dir + ": " + e.getMessage(), e));
      }
      return fetch(info, tmp, ch).handle((v, err) -> finish(info, tmp, ch, err));
    });
  }

  private CompletableFuture<Void> fetch(ObjectInfo info, Path tmp, FileChannel ch) {
    long size = info.contentLength();
    long rangeSize = size <= config.multipartThreshold() ? Math.max(1, size) : config.partSizeFor(size);
    List<long[]> ranges = new ArrayList<>();
    for (long off = 0; off < size; off += rangeSize) {
      ranges.add(new long[] {ranges.size(), off, Math.min(rangeSize, size - off)});
    }
    state.totals(size, Math.max(1, ranges.size()));
    Conditions sameObject = info.eTag() == null ? Conditions.NONE : Conditions.ifMatch(info.eTag());
    if (ranges.isEmpty()) {
      GetObjectRequest whole = request.withConditions(sameObject);
      return client.getObject(whole, new PositionalChannel(ch, 0, 0, state)).thenAccept(i -> state.partCompleted(0, 0));
    }
    Stored stored = fullObjectChecksum(info);
    ChecksumAlgorithm combined = stored != null && stored.algorithm().supportsFullObject() ? stored.algorithm() : null;
    java.security.MessageDigest wholeDigest = combined != null ? null
        : stored != null ? stored.algorithm().newDigest() : info.eTagIsMd5() ? Md5.digest() : null;
    PositionalChannel[] outs = new PositionalChannel[ranges.size()];
    OrderedDigest whole = wholeDigest == null ? null : new OrderedDigest(wholeDigest, ch,
        ranges.stream().mapToLong(r -> r[1]).toArray(), ranges.stream().mapToLong(r -> r[2]).toArray(), workers);
    CompletableFuture<Void> all = Parallel.run(ranges, config.maxConcurrency(), state, r -> {
      int index = (int) r[0];
      long off = r[1];
      long len = r[2];
      PositionalChannel out;
      try {
        out = new PositionalChannel(FileChannel.open(tmp, StandardOpenOption.WRITE), off, index + 1, state, combined);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(new ClientException("target file", "cannot write " + tmp + ": " + e.getMessage(), e));
      }
      outs[index] = out;
      GetObjectRequest get = request.withRange(Range.of(off, off + len - 1)).withConditions(sameObject);
      String name = "range " + (index + 1) + " (bytes " + off + "-" + (off + len - 1) + ") of " + object;
      return PartRetry.run(() -> client.getObject(get, out.restart()).thenApply(i -> {
        if (out.written() != len) {
          throw new TransportException(TransportException.Kind.IO, name + ": " + out.written() + " bytes arrived, "
              + len + " expected", RetrySafety.PROCESSED, null);
        }
        return i;
      }), config.partRetry(), state, name).whenComplete((i, err) -> closeQuietly(out)).thenAccept(i -> {
        state.partCompleted(index + 1, len);
        if (whole != null) {
          whole.completed(index);
        }
      });
    });
    if (combined != null) {
      return all.thenAccept(v -> {
        byte[] value = combined.empty();
        for (int i = 0; i < outs.length; i++) {
          value = combined.combine(value, outs[i].checksum(), ranges.get(i)[2]);
        }
        checkStored(stored, value);
      });
    }
    if (whole == null) {
      return all;
    }
    return all.thenCompose(v -> whole.result()).thenAccept(digest -> {
      if (stored != null) {
        checkStored(stored, digest);
        return;
      }
      String hex = Md5.hex(digest);
      if (!hex.equalsIgnoreCase(info.eTag())) {
        throw new TransportException(TransportException.Kind.IO, "integrity check failed for " + object
            + ": the downloaded bytes have MD5 " + hex + " but the object's ETag is " + info.eTag(), RetrySafety.PROCESSED, null);
      }
    });
  }

  private static void closeQuietly(PositionalChannel out) {
    try {
      out.close();
    } catch (IOException e) {
      // Every byte was written (or the range failed already); closing a written channel cannot lose data.
    }
  }

  private void checkStored(Stored stored, byte[] downloaded) {
    if (!java.security.MessageDigest.isEqual(downloaded, stored.value())) {
      ChecksumAlgorithm a = stored.algorithm();
      throw new TransportException(TransportException.Kind.IO, "integrity check failed for " + object
          + ": the downloaded bytes have " + a + " " + a.base64(downloaded) + " but the server stored "
          + a.base64(stored.value()), RetrySafety.PROCESSED, null);
    }
  }

  /** A stored FULL_OBJECT checksum the server returned. */
  private record Stored(ChecksumAlgorithm algorithm, byte[] value) {}

  /** In the order tried: the CRCs (cheapest, and checked range by range), then the SHAs. */
  private static final List<ChecksumAlgorithm> PREFERRED = List.of(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC32,
      ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA1);

  /** The object's FULL_OBJECT checksum when the server returned one (a COMPOSITE {@code -N} value is not). */
  private static Stored fullObjectChecksum(ObjectInfo info) {
    for (ChecksumAlgorithm a : PREFERRED) {
      String v = info.checksums().get(a.name().toLowerCase(java.util.Locale.ROOT));
      if (v != null && !v.contains("-")) {
        try {
          return new Stored(a, a.parse(v));
        } catch (IllegalArgumentException e) {
          // Not a value of its algorithm: no use for checking.
        }
      }
    }
    return null;
  }

  private ObjectInfo finish(ObjectInfo info, Path tmp, FileChannel ch, Throwable err) {
    try {
      Throwable failure = err == null ? null : Futures.unwrap(err);
      long size = ch.size();
      ch.close();
      if (failure == null) {
        failure = checkMultipart(info, size);
      }
      if (failure != null) {
        throw new CompletionException(failure);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return info;
    } catch (IOException e) {
      throw new CompletionException(new TransportException(TransportException.Kind.IO,
          "cannot complete " + target + ": " + e.getMessage(), RetrySafety.PROCESSED, e));
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Hidden and named for the target; nothing more can be done.
      }
    }
  }

  /** Size and part-count sanity for a multipart ETag; {@code null} when fine. */
  private TransportException checkMultipart(ObjectInfo info, long written) {
    if (written != info.contentLength()) {
      return new TransportException(TransportException.Kind.IO, object + ": the file holds " + written
          + " bytes but the object has " + info.contentLength(), RetrySafety.PROCESSED, null);
    }
    String eTag = info.eTag();
    int dash = eTag == null ? -1 : eTag.lastIndexOf('-');
    if (dash > 0 && eTag.substring(dash + 1).chars().allMatch(Character::isDigit) && dash + 1 < eTag.length()) {
      long parts = Long.parseLong(eTag.substring(dash + 1));
      boolean plausible = parts >= 1 && parts <= TransferConfig.MAX_PARTS
          && (parts - 1) * TransferConfig.MIN_PART_SIZE < Math.max(1, info.contentLength())
          && parts * TransferConfig.MAX_PART_SIZE >= info.contentLength();
      if (!plausible) {
        return new TransportException(TransportException.Kind.IO, object + ": ETag " + eTag + " names " + parts
            + " parts, impossible for " + info.contentLength() + " bytes", RetrySafety.PROCESSED, null);
      }
    }
    return null;
  }
}
