package io.s3wire.transfer.internal;

import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.http.RequestBody;
import io.s3wire.internal.Futures;
import io.s3wire.transfer.TransferConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One multipart upload in progress: sends parts (with retries, MD5 checks and progress), records
 * them (and journals them when resumable), then completes and verifies the whole object's ETag, or
 * aborts.
 */
final class MultipartSession {
  /**
   * A part the server holds, with the MD5 of its bytes ({@code null} if the ETag is not an MD5) and,
   * in an upload with a checksum algorithm, its checksum ({@code null} until known: a part found on
   * resume).
   */
  record Done(CompletedPart part, byte[] md5, byte[] checksum) {}

  private final S3AsyncClient client;
  private final TransferConfig config;
  private final TransferState state;
  private final MultipartUpload upload;
  private final UploadJournal journal;
  private final Map<Integer, Done> done = new ConcurrentSkipListMap<>();
  private final ChecksumAlgorithm checksum;

  /** {@code checksum}: the upload was created with that algorithm ({@code null}: none), so parts are sent with theirs. */
  MultipartSession(S3AsyncClient client, TransferConfig config, TransferState state, MultipartUpload upload,
      UploadJournal journal, ChecksumAlgorithm checksum) {
    this.client = client;
    this.config = config;
    this.state = state;
    this.upload = upload;
    this.journal = journal;
    this.checksum = checksum;
  }

  MultipartUpload upload() {
    return upload;
  }

  boolean has(int partNumber) {
    return done.containsKey(partNumber);
  }

  /** A part found on the server when resuming: counted as done without sending it. */
  void resumed(CompletedPart part) {
    done.put(part.partNumber(), new Done(part, Md5.fromETag(part.eTag()), null));
    state.skipped(part.size());
    state.partCompleted(part.partNumber(), part.size());
  }

  /**
   * Sends part {@code n} (a fresh body per try from {@code body}); {@code md5} is its MD5 or {@code
   * null} to have the client compute it while sending.
   */
  CompletableFuture<Done> send(int n, RequestBody body, byte[] md5) {
    return send(n, body, counting -> client.uploadPart(upload, n, counting, md5),
        part -> new Done(part, md5 != null ? md5 : Md5.fromETag(part.eTag()), null));
  }

  /** Sends part {@code n} with its checksum, which the server checks; the body goes untouched (zero-copy for a file). */
  CompletableFuture<Done> sendWithChecksum(int n, RequestBody body, byte[] value) {
    return send(n, body, counting -> client.uploadPartWithChecksum(upload, n, counting, checksum, value),
        part -> new Done(part, Md5.fromETag(part.eTag()), value));
  }

  /** Sends part {@code n} with its checksum computed on the way, in a trailer the server checks: one read of the body. */
  CompletableFuture<Done> sendWithTrailingChecksum(int n, RequestBody body) {
    return send(n, body, counting -> client.uploadPartWithTrailingChecksum(upload, n, counting, checksum),
        part -> new Done(part, Md5.fromETag(part.eTag()), checksum.parse(part.checksum())));
  }

  private CompletableFuture<Done> send(int n, RequestBody body,
      java.util.function.Function<CountingBody, CompletableFuture<CompletedPart>> request,
      java.util.function.Function<CompletedPart, Done> record) {
    CountingBody counting = new CountingBody(body, n, state);
    String name = "part " + n + " (" + body.contentLength() + " bytes) of " + upload.object();
    return PartRetry.run(() -> request.apply(counting).whenComplete((p, err) -> {
      if (err != null) {
        counting.forget();
      } else {
        counting.settle();
      }
    }), config.partRetry(), state, name).thenApply(part -> {
      Done d = record.apply(part);
      done.put(n, d);
      if (journal != null) {
        try {
          journal.append(part);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot record " + name + " in the upload's state file", e);
        }
      }
      state.partCompleted(n, part.size());
      return d;
    });
  }

  /**
   * Completes the upload with every recorded part and checks the returned ETag against the MD5 of
   * the parts' MD5s; a mismatch fails naming the upload (the stored object is then suspect).
   */
  CompletableFuture<PutObjectResult> complete(int expectedParts) {
    state.checkCancelled();
    if (done.size() != expectedParts) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.Kind.IO, upload.object() + ": "
          + done.size() + " of " + expectedParts + " parts were uploaded", RetrySafety.UNKNOWN, null));
    }
    List<CompletedPart> parts = new ArrayList<>(done.size());
    List<byte[]> md5s = new ArrayList<>(done.size());
    boolean allKnown = true;
    List<byte[]> checksums = new ArrayList<>(done.size());
    for (Done d : done.values()) {
      parts.add(d.part());
      md5s.add(d.md5());
      allKnown &= d.md5() != null;
      checksums.add(d.checksum());
    }
    String expected = allKnown ? Md5.multipartETag(md5s) : null;
    CompletableFuture<PutObjectResult> completed = checksum != null
        ? client.completeMultipartUploadWithChecksum(upload, parts, checksum, objectChecksum(parts, checksums))
        : client.completeMultipartUpload(upload, parts);
    return completed.exceptionallyCompose(err -> confirm(err, expected, parts.size()))
        .thenApply(result -> {
      String eTag = result.eTag();
      if (expected != null && eTag != null && eTag.matches("[0-9a-fA-F]{32}-[0-9]+") && !eTag.equalsIgnoreCase(expected)) {
        throw new TransportException(TransportException.Kind.IO,
            "integrity check failed for " + upload.object() + ": the server made ETag " + eTag + " from " + parts.size()
                + " parts but the MD5 of the parts' MD5s is " + expected, RetrySafety.PROCESSED, null);
      }
      return result;
    });
  }

  /**
   * After CompleteMultipartUpload failed without an answer (a timeout, a closed connection), the
   * server may still have made the object: when HEAD shows the expected multipart ETag, it did.
   */
  private CompletableFuture<PutObjectResult> confirm(Throwable err, String expected, int parts) {
    Throwable t = Futures.unwrap(err);
    if (expected == null || t instanceof io.s3wire.error.ServiceException || t instanceof io.s3wire.error.ClientException) {
      return CompletableFuture.failedFuture(t);
    }
    return client.headObject(io.s3wire.HeadObjectRequest.of(upload.object()).withCustomerKey(upload.customerKey())).handle((info, headErr) -> {
      if (headErr == null && expected.equalsIgnoreCase(info.eTag())) {
        return new PutObjectResult(upload.object(), info.eTag(), info.versionId(), parts);
      }
      throw t instanceof java.util.concurrent.CompletionException ce ? ce : new java.util.concurrent.CompletionException(t);
    });
  }

  /** Aborts the upload; completes normally whatever the server says (the caller reports its own failure). */
  CompletableFuture<Throwable> abort() {
    return client.abortMultipartUpload(upload).handle((v, err) -> err == null ? null : Futures.unwrap(err));
  }

  /**
   * The object's checksum in S3's form: for a CRC the parts' values combined in order (FULL_OBJECT),
   * for SHA1 and SHA256 the checksum of the parts' checksums with {@code -N} (COMPOSITE).
   */
  private String objectChecksum(List<CompletedPart> parts, List<byte[]> values) {
    if (!checksum.supportsFullObject()) {
      return checksum.composite(values);
    }
    byte[] acc = checksum.empty();
    for (int i = 0; i < parts.size(); i++) {
      acc = checksum.combine(acc, values.get(i), parts.get(i).size());
    }
    return checksum.base64(acc);
  }

  /** The algorithm the upload was created with, or {@code null}. */
  ChecksumAlgorithm checksum() {
    return checksum;
  }

  /**
   * Gives every part found on resume its checksum, computed by {@code checksumOf} from the source
   * (blocking: call on a worker): completing an upload with a checksum algorithm names every part's
   * checksum, and the server checks them against what it stored, so a source changed since is caught
   * there.
   */
  void fillMissingChecksums(java.util.function.Function<CompletedPart, byte[]> checksumOf) {
    for (Map.Entry<Integer, Done> e : done.entrySet()) {
      Done d = e.getValue();
      if (d.checksum() == null) {
        byte[] value = checksumOf.apply(d.part());
        CompletedPart p = d.part();
        done.put(e.getKey(), new Done(new CompletedPart(p.partNumber(), p.eTag(), p.size(), checksum,
            checksum.base64(value)), d.md5(), value));
      }
    }
  }

  void forgetJournal() {
    if (journal != null) {
      try {
        journal.delete();
      } catch (IOException ignored) {
        // The upload completed; a stale state file only costs a failed resume check later.
      }
    }
  }
}
