package io.s3wire;

import io.s3wire.error.ClientException;
import io.s3wire.http.RequestBody;
import io.s3wire.internal.ClientCore;
import io.s3wire.internal.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Which way a put of {@link S3AsyncClient} goes: one PUT for a body of known length up to 5 GiB, a
 * streaming multipart upload otherwise; and the checks its short forms make before a request exists.
 * Called inside the client's call gate, so what these throw reaches the caller as a failed future.
 */
final class PutRouting {
  private PutRouting() {}

  /** The request of a short-form put: the object with its metadata and nothing else. */
  static PutObjectRequest request(BucketKey object, ObjectMetadata metadata) {
    return PutObjectRequest.of(Objects.requireNonNull(object, "object")).withMetadata(metadata);
  }

  /** {@code file}, once it is known to be a regular file; else a {@code ClientException} naming it. */
  static Path regularFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ClientException("file", file + " is not a readable regular file");
    }
    return file;
  }

  /** A put of bytes held in memory: one PUT, the bytes' SHA-256 computed up front. */
  static CompletableFuture<PutObjectResult> bytes(ClientCore core, PutObjectRequest request, byte[] bytes) {
    return core.objects.put(Objects.requireNonNull(request, "request"), RequestBody.ofBytes(bytes),
        Objects.requireNonNull(bytes, "bytes"));
  }

  /** A put of a body: one PUT when its length is known and at most 5 GiB, else a multipart upload. */
  static CompletableFuture<PutObjectResult> body(ClientCore core, PutObjectRequest request, RequestBody body) {
    Objects.requireNonNull(request, "request");
    long length = body.contentLength();
    return length < 0 || length > Validation.MAX_PART_SIZE
        ? core.streamUpload.upload(request, body)
        : core.objects.put(request, body, null);
  }
}
