package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectResult;
import io.s3wire.error.ClientException;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Uploads a body of unknown length (or one too long for a single PUT) as a multipart upload: the
 * source is read in parts of {@code partSize} bytes on a blocking executor, each part sent from
 * memory (so it can be retried), one after another. A source that ends within the first part is sent
 * as one PUT instead. Any failure aborts the upload before it is reported, so no parts are left
 * behind to be billed; cancelling the returned future is such a failure (the part in flight stops,
 * the upload is aborted in the background).
 */
public final class StreamUpload {
  private final ObjectOperations objects;
  private final MultipartOperations multipart;
  private final Executor blocking;
  private final int partSize;

  public StreamUpload(ObjectOperations objects, MultipartOperations multipart, Executor blocking, int partSize) {
    if (partSize < Validation.MIN_PART_SIZE) {
      throw new IllegalArgumentException("part size must be at least 5 MiB, was " + partSize);
    }
    this.objects = objects;
    this.multipart = multipart;
    this.blocking = blocking;
    this.partSize = partSize;
  }

  public CompletableFuture<PutObjectResult> upload(BucketKey object, RequestBody body, ObjectMetadata metadata) {
    return upload(io.s3wire.PutObjectRequest.of(object).withMetadata(metadata), body);
  }

  /**
   * Uploads as {@code request} says: the first part's PUT, or CreateMultipartUpload, carries its
   * headers; with a customer key every part carries it too.
   *
   * @throws ClientException naming {@code checksum} when the request asks for one: a body of unknown
   *     length is read once, so its checksum is not known before sending (the transfer manager sends
   *     part checksums instead)
   */
  public CompletableFuture<PutObjectResult> upload(io.s3wire.PutObjectRequest request, RequestBody body) {
    BucketKey object = request.object();
    if (request.checksum() != null) {
      throw new ClientException("checksum", "a body of unknown length (or over 5 GiB) is read once, so its "
          + request.checksum() + " is not known before sending; use TransferManager, which sends part checksums");
    }
    ReadableByteChannel source;
    try {
      source = body.open();
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(new ClientException("body", "cannot open the source of " + object + ": " + e.getMessage(), e));
    }
    CancelScope scope = new CancelScope();
    return scope.guard(read(source, object).thenCompose(first -> {
      if (first.length < partSize) {
        close(source);
        return scope.start(() -> objects.put(request, RequestBody.ofBytes(first), null));
      }
      return scope.start(() -> multipart.create(request)).thenCompose(upload -> {
        List<CompletedPart> parts = new ArrayList<>();
        return uploadFrom(upload, source, first, 1, parts, scope)
            .thenCompose(v -> scope.start(() -> multipart.complete(upload, parts)))
            .handle((result, err) -> {
              close(source);
              if (err == null) {
                return CompletableFuture.completedFuture(result);
              }
              // Abort so no orphaned parts remain; report the original failure whatever abort says.
              return multipart.abort(upload).handle((x, abortErr) -> {
                Throwable cause = Futures.unwrap(err);
                if (abortErr != null) {
                  LeftUploads.abortFailed(cause, upload, abortErr);
                }
                throw Futures.asCompletion(cause);
              }).thenApply(x -> result);
            })
            .thenCompose(f -> f);
      });
    }));
  }

  private CompletableFuture<Void> uploadFrom(
      MultipartUpload upload, ReadableByteChannel source, byte[] chunk, int partNumber, List<CompletedPart> parts,
      CancelScope scope) {
    if (partNumber > Validation.MAX_PART_NUMBER) {
      return CompletableFuture.failedFuture(new ClientException("body", "the source of " + upload.object()
          + " needs more than " + Validation.MAX_PART_NUMBER + " parts of " + partSize + " bytes; use a larger part size"));
    }
    return scope.start(() -> multipart.uploadPart(upload, partNumber, RequestBody.ofBytes(chunk))).thenCompose(part -> {
      parts.add(part);
      if (chunk.length < partSize) {
        return CompletableFuture.completedFuture(null);
      }
      scope.check();
      return read(source, upload.object()).thenCompose(next -> next.length == 0
          ? CompletableFuture.completedFuture(null)
          : uploadFrom(upload, source, next, partNumber + 1, parts, scope));
    });
  }

  /** Reads up to one part; shorter only at the end of the source. */
  private CompletableFuture<byte[]> read(ReadableByteChannel source, BucketKey object) {
    return CompletableFuture.supplyAsync(() -> {
      ByteBuffer buf = ByteBuffer.allocate(partSize);
      try {
        // Keep filling: a stream may return short reads long before its end.
        while (buf.hasRemaining()) {
          int n = source.read(buf);
          if (n < 0) {
            break;
          }
          if (n == 0) {
            // Asking again would spin this thread for as long as the channel keeps giving nothing.
            throw Futures.asCompletion(new ClientException("body", "the source of " + object + " gave 0 bytes with"
                + " room to read, after " + buf.position() + " bytes of a part; a RequestBody's channel must block"
                + " until it has a byte or its end"));
          }
        }
      } catch (IOException e) {
        throw Futures.asCompletion(new ClientException("body", "reading the source of " + object + " failed: " + e.getMessage(), e));
      }
      return buf.position() == partSize ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }, blocking);
  }

  private static void close(ReadableByteChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // The source was read to the end or the upload failed; a failing close changes neither.
    }
  }
}
