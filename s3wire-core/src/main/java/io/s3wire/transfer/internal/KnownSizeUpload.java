package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.PartInfo;
import io.s3wire.PutObjectRequest;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ServiceException;
import io.s3wire.internal.Futures;
import io.s3wire.internal.LeftUploads;
import io.s3wire.transfer.TransferConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Uploads a source of known size: one PUT up to the threshold, else a multipart upload whose parts
 * are hashed on workers and sent {@code maxConcurrency} at a time. A failure aborts the upload unless
 * it is resumable; then the journal keeps what was done for the next try.
 */
final class KnownSizeUpload {
  /** A part to send: number, offset and length in the source. */
  record Part(int number, long offset, long length) {}

  private final S3AsyncClient client;
  private final TransferConfig config;
  private final Executor workers;
  private final BucketKey object;
  private final PutObjectRequest request;
  private final UploadSource source;
  private final TransferState state;
  private final Resume resume;
  private final ChecksumAlgorithm checksum;
  private final boolean trailingChecksum;

  /** {@code resume} is {@code null} unless the upload is resumable (only files are). */
  KnownSizeUpload(S3AsyncClient client, TransferConfig config, Executor workers, PutObjectRequest request, UploadSource source,
      TransferState state, Resume resume) {
    this.client = client;
    this.config = config;
    this.workers = workers;
    this.object = request.object();
    this.request = request;
    this.source = source;
    this.state = state;
    this.resume = resume;
    this.checksum = Transfers.uploadChecksum(config, client, request);
    // Over plain HTTP a part goes from the file to the socket without passing through us (sendfile),
    // so reading it once beforehand for its checksum is the only read. Over TLS the transport reads
    // it to encrypt it, and a trailer lets that one read compute the checksum too.
    this.trailingChecksum = client.isTls() && client.provider().acceptsAwsChunkedTrailers();
  }

  CompletableFuture<PutObjectResult> run() {
    long size = source.size();
    if (size <= config.multipartThreshold()) {
      state.totals(size, 1);
      CountingBody body = new CountingBody(source.body(0, size), 0, state);
      return PartRetry.run(() -> client.putObject(request, body).whenComplete((r, e) -> {
        if (e != null) {
          body.forget();
        }
      }), config.partRetry(), state, object.toString()).thenApply(r -> {
        state.partCompleted(0, size);
        return r;
      });
    }
    long partSize = config.partSizeFor(size);
    List<Part> plan = new ArrayList<>();
    for (long off = 0; off < size; off += partSize) {
      plan.add(new Part(plan.size() + 1, off, Math.min(partSize, size - off)));
    }
    state.totals(size, plan.size());
    return open(partSize, size).thenCompose(session -> {
      List<Part> pending = plan.stream().filter(p -> !session.has(p.number())).toList();
      return Parallel.run(pending, config.maxConcurrency(), state, p -> sendPart(session, p))
          .thenCompose(v -> checksum != null ? CompletableFuture.runAsync(() -> session.fillMissingChecksums(part -> {
            try {
              return source.checksum(checksum, (part.partNumber() - 1) * partSize, part.size());
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read part " + part.partNumber() + " of the source of " + object, e);
            }
          }), workers) : CompletableFuture.completedFuture(null))
          .thenCompose(v -> session.complete(plan.size()))
          .handle((result, err) -> finish(session, result, err))
          .thenCompose(f -> f);
    });
  }

  private CompletableFuture<?> sendPart(MultipartSession session, Part p) {
    if (checksum != null && trailingChecksum) {
      return session.sendWithTrailingChecksum(p.number(), source.body(p.offset(), p.length()));
    }
    if (checksum != null) {
      return readOnWorker(p, () -> source.checksum(checksum, p.offset(), p.length()))
          .thenCompose(value -> session.sendWithChecksum(p.number(), source.body(p.offset(), p.length()), value));
    }
    if (!config.contentMd5()) {
      return session.send(p.number(), source.body(p.offset(), p.length()), null);
    }
    return readOnWorker(p, () -> source.md5(p.offset(), p.length()))
        .thenCompose(md5 -> session.send(p.number(), source.body(p.offset(), p.length()), md5));
  }

  /** A digest of a part's bytes, read off the event loops: blocking reads of the source. */
  private interface PartRead<T> {
    T read() throws IOException;
  }

  private <T> CompletableFuture<T> readOnWorker(Part p, PartRead<T> read) {
    return CompletableFuture.supplyAsync(() -> {
      state.checkCancelled();
      try {
        return read.read();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read part " + p.number() + " of the source of " + object, e);
      }
    }, workers);
  }

  /** Completes: forgets the journal on success; aborts on failure unless resumable. */
  private CompletableFuture<PutObjectResult> finish(MultipartSession session, PutObjectResult result, Throwable err) {
    if (err == null) {
      session.forgetJournal();
      return CompletableFuture.completedFuture(result);
    }
    Throwable cause = Futures.unwrap(err);
    if (resume != null) {
      return CompletableFuture.failedFuture(cause);
    }
    return session.abort().thenApply(abortErr -> {
      if (abortErr != null) {
        LeftUploads.abortFailed(cause, session.upload(), abortErr);
      }
      throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
    });
  }

  /** Creates the upload, or when resuming finds it and the parts the server already holds. */
  private CompletableFuture<MultipartSession> open(long partSize, long size) {
    if (resume == null) {
      return create().thenApply(u -> new MultipartSession(client, config, state, u, null, checksum));
    }
    UploadJournal old = resume.existing();
    if (old == null) {
      return fresh(partSize, size);
    }
    if (!resume.describes(old, object, partSize, size)) {
      // Another object, part size, or a source changed since: its parts cannot be used, and the new
      // journal replaces the only record of that upload, so it is aborted rather than left to
      // accumulate storage. Best effort: it may be gone already.
      MultipartUpload stale = new MultipartUpload(old.header().object(), old.header().uploadId());
      return client.abortMultipartUpload(stale).handle((v, err) -> null).thenCompose(v -> fresh(partSize, size));
    }
    MultipartUpload upload = new MultipartUpload(object, old.header().uploadId(), request.customerKey());
    return client.listParts(upload).handle((listed, err) -> {
      if (err != null) {
        if (Futures.unwrap(err) instanceof ServiceException se && se.status() == 404) {
          return fresh(partSize, size);
        }
        return CompletableFuture.<MultipartSession>failedFuture(Futures.unwrap(err));
      }
      MultipartSession session = new MultipartSession(client, config, state, upload, old, checksum);
      Map<Integer, CompletedPart> recorded = old.parts();
      for (PartInfo p : listed) {
        CompletedPart mine = recorded.get(p.partNumber());
        long expected = Math.min(partSize, size - (long) (p.partNumber() - 1) * partSize);
        if (mine != null && mine.eTag().equalsIgnoreCase(p.eTag()) && p.size() == expected) {
          session.resumed(mine);
        }
      }
      return CompletableFuture.completedFuture(session);
    }).thenCompose(f -> f);
  }

  private CompletableFuture<MultipartUpload> create() {
    return client.createMultipartUpload(request.withChecksum(checksum));
  }

  private CompletableFuture<MultipartSession> fresh(long partSize, long size) {
    return create().thenApply(u -> {
      try {
        return new MultipartSession(client, config, state, u, resume.create(u, partSize, size), checksum);
      } catch (IOException e) {
        client.abortMultipartUpload(u);
        throw new UncheckedIOException("cannot write the upload's state file " + resume.file(), e);
      }
    });
  }
}
