package io.s3wire.transfer.internal;

import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
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
  /** A part the server holds, with the MD5 of its bytes ({@code null} if the ETag is not an MD5). */
  record Done(CompletedPart part, byte[] md5) {}

  private final S3AsyncClient client;
  private final TransferConfig config;
  private final TransferState state;
  private final MultipartUpload upload;
  private final UploadJournal journal;
  private final Map<Integer, Done> done = new ConcurrentSkipListMap<>();

  MultipartSession(S3AsyncClient client, TransferConfig config, TransferState state, MultipartUpload upload,
      UploadJournal journal) {
    this.client = client;
    this.config = config;
    this.state = state;
    this.upload = upload;
    this.journal = journal;
  }

  MultipartUpload upload() {
    return upload;
  }

  boolean has(int partNumber) {
    return done.containsKey(partNumber);
  }

  /** A part found on the server when resuming: counted as done without sending it. */
  void resumed(CompletedPart part) {
    done.put(part.partNumber(), new Done(part, Md5.fromETag(part.eTag())));
    state.skipped(part.size());
    state.partCompleted(part.partNumber(), part.size());
  }

  /**
   * Sends part {@code n} (a fresh body per try from {@code body}); {@code md5} is its MD5 or {@code
   * null} to have the client compute it while sending.
   */
  CompletableFuture<Done> send(int n, RequestBody body, byte[] md5) {
    CountingBody counting = new CountingBody(body, n, state);
    String name = "part " + n + " (" + body.contentLength() + " bytes) of " + upload.object();
    return PartRetry.run(() -> client.uploadPart(upload, n, counting, md5).whenComplete((p, err) -> {
      if (err != null) {
        counting.forget();
      }
    }), config.partRetry(), state, name).thenApply(part -> {
      Done d = new Done(part, md5 != null ? md5 : Md5.fromETag(part.eTag()));
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
    for (Done d : done.values()) {
      parts.add(d.part());
      md5s.add(d.md5());
      allKnown &= d.md5() != null;
    }
    String expected = allKnown ? Md5.multipartETag(md5s) : null;
    return client.completeMultipartUpload(upload, parts).exceptionallyCompose(err -> confirm(err, expected, parts.size()))
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
    return client.headObject(upload.object()).handle((info, headErr) -> {
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
