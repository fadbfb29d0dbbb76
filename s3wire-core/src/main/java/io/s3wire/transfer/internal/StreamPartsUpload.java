package io.s3wire.transfer.internal;

import io.s3wire.http.RequestBody;

import io.s3wire.BucketKey;
import io.s3wire.PutObjectRequest;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import io.s3wire.internal.Futures;
import io.s3wire.internal.LeftUploads;
import io.s3wire.transfer.TransferConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Uploads a stream of unknown length. One reader (a worker thread) fills part buffers from a bounded
 * pool of {@code maxConcurrency} buffers of {@code partSize} bytes, hashes each and hands it to an
 * UploadPart; a buffer returns to the pool when its part is done, so memory stays at most {@code
 * maxConcurrency * partSize} whatever the stream's length. A stream that ends within the first part
 * goes as one PUT. The stream is not closed.
 */
final class StreamPartsUpload {
  private final S3AsyncClient client;
  private final TransferConfig config;
  private final Executor workers;
  private final BucketKey object;
  private final PutObjectRequest request;
  private final InputStream in;
  private final TransferState state;
  private final long partSize;
  private final BlockingQueue<byte[]> pool;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final ChecksumAlgorithm checksum;
  private int allocated;

  StreamPartsUpload(S3AsyncClient client, TransferConfig config, Executor workers, PutObjectRequest request, InputStream in,
      TransferState state) {
    this.client = client;
    this.config = config;
    this.workers = workers;
    this.object = request.object();
    this.request = request;
    this.in = in;
    this.state = state;
    this.partSize = config.partSize() == 0 ? TransferConfig.DEFAULT_PART_SIZE : config.partSize();
    this.pool = new ArrayBlockingQueue<>(config.maxConcurrency());
    state.totals(-1, -1);
    this.checksum = Transfers.uploadChecksum(config, client, request);
  }

  CompletableFuture<PutObjectResult> run() {
    return CompletableFuture.supplyAsync(() -> {
      byte[] first = take();
      int n = fill(first);
      return new Filled(first, n);
    }, workers).thenCompose(first -> {
      if (first.length() < partSize) {
        state.totals(first.length(), 1);
        CountingBody body = new CountingBody(RequestBody.ofBytes(first.buffer(), 0, first.length()), 0, state);
        return PartRetry.run(() -> client.putObject(request, body).whenComplete((r, e) -> {
          if (e != null) {
            body.forget();
          }
        }), config.partRetry(), state, object.toString()).thenApply(r -> {
          state.partCompleted(0, first.length());
          return r;
        });
      }
      CompletableFuture<io.s3wire.MultipartUpload> created = client.createMultipartUpload(request.withChecksum(checksum));
      return created.thenCompose(upload -> {
        MultipartSession session = new MultipartSession(client, config, state, upload, null, checksum);
        return CompletableFuture.supplyAsync(() -> readAndSend(session, first), workers)
            .thenCompose(parts -> parts.thenCompose(count -> session.complete(count)))
            .handle((result, err) -> {
              if (err == null) {
                return CompletableFuture.completedFuture(result);
              }
              Throwable cause = Futures.unwrap(err);
              return session.abort().<PutObjectResult>thenApply(abortErr -> {
                if (abortErr != null) {
                  LeftUploads.abortFailed(cause, upload, abortErr);
                }
                throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
              });
            }).thenCompose(f -> f);
      });
    });
  }

  private record Filled(byte[] buffer, int length) {}

  /** On the reader thread: sends parts until the stream ends; completes with the part count once all are done. */
  private CompletableFuture<Integer> readAndSend(MultipartSession session, Filled first) {
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    Filled current = first;
    int number = 1;
    while (true) {
      if (number > TransferConfig.MAX_PARTS) {
        failure.compareAndSet(null, new ClientException("stream", "the stream needs more than 10,000 parts of "
            + partSize + " bytes; set a larger part size"));
        pool.offer(current.buffer());
        break;
      }
      Filled part = current;
      RequestBody body = RequestBody.ofBytes(part.buffer(), 0, part.length());
      CompletableFuture<?> sent;
      if (checksum != null) {
        java.security.MessageDigest digest = checksum.newDigest();
        digest.update(part.buffer(), 0, part.length());
        sent = session.sendWithChecksum(number, body, digest.digest());
      } else {
        byte[] md5 = config.contentMd5() ? Md5.of(part.buffer(), 0, part.length()) : null;
        sent = session.send(number, body, md5);
      }
      sent = sent.whenComplete((d, err) -> {
            if (err != null) {
              failure.compareAndSet(null, Futures.unwrap(err));
            }
            pool.offer(part.buffer());
          });
      inFlight.add(sent);
      if (part.length() < partSize || failure.get() != null || state.isCancelled()) {
        break;
      }
      byte[] next;
      int n;
      try {
        next = take();
        if (next == null) {
          break;
        }
        n = fill(next);
      } catch (CompletionException e) {
        // Reported after the parts in flight have ended, so the abort never races one.
        failure.compareAndSet(null, e.getCause());
        break;
      }
      if (n == 0) {
        pool.offer(next);
        break;
      }
      current = new Filled(next, n);
      number++;
    }
    int count = number;
    return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).handle((v, err) -> {
      Throwable f = failure.get();
      if (f == null && state.isCancelled()) {
        f = TransferState.cancelledException();
      }
      if (f != null) {
        throw new CompletionException(f);
      }
      return count;
    });
  }

  /** A free buffer: from the pool, or a new one while fewer than the bound exist; waits otherwise. */
  private byte[] take() {
    byte[] b = pool.poll();
    if (b != null) {
      return b;
    }
    if (allocated < config.maxConcurrency()) {
      allocated++;
      return new byte[(int) partSize];
    }
    try {
      while (failure.get() == null && !state.isCancelled()) {
        b = pool.poll(100, TimeUnit.MILLISECONDS);
        if (b != null) {
          return b;
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(TransferState.cancelledException());
    }
  }

  /** Reads until the buffer is full or the stream ends; the count read. */
  private int fill(byte[] buf) {
    int n = 0;
    try {
      while (n < buf.length) {
        state.checkCancelled();
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        if (r == 0) {
          // InputStream.read blocks until a byte or the end; asking a stream that broke that again would spin.
          throw new CompletionException(new ClientException("stream", "the source of " + object
              + " returned 0 bytes with room to read; an InputStream must block until it has a byte or its end"));
        }
        n += r;
      }
    } catch (IOException e) {
      throw new CompletionException(new ClientException("stream", "reading the source of " + object + " failed: " + e.getMessage(), e));
    }
    return n;
  }
}
