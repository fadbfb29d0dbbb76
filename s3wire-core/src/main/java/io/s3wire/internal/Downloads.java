package io.s3wire.internal;

import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectBytes;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectStream;
import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * GetObject into memory, into a file, or as a stream. A whole object read into memory or a file is
 * checked against its ETag when the ETag is an MD5 (a single-part, unencrypted object).
 */
public final class Downloads {
  private final ObjectOperations objects;

  public Downloads(ObjectOperations objects) {
    this.objects = objects;
  }

  public CompletableFuture<ObjectBytes> bytes(GetObjectRequest request) {
    return objects.get(request).thenCompose(response -> {
      ObjectInfo info = Headers.objectInfo(request.object(), response.headers());
      return Bodies.readAll(response).thenApply(bytes -> {
        if (request.range() == null) {
          verify(request, info, HexFormat.of().formatHex(Digests.md5().digest(bytes)), response);
        }
        return new ObjectBytes(info, bytes);
      });
    });
  }

  /**
   * Writes the object (or its range) to {@code target} off the event loop, straight from the
   * transport's buffers, and completes with its head once every announced byte was written. The
   * target is not closed. Fails when fewer bytes arrive than the response announced.
   */
  public CompletableFuture<ObjectInfo> toChannel(GetObjectRequest request, java.nio.channels.WritableByteChannel target) {
    return objects.get(request).thenCompose(response -> {
      ObjectInfo info = Headers.objectInfo(request.object(), response.headers());
      CompletableFuture<Long> transfer;
      try {
        transfer = response.body().transferTo(target);
      } catch (RuntimeException e) {
        transfer = CompletableFuture.failedFuture(e);
      }
      return transfer.handle((n, err) -> {
        response.close();
        if (err != null) {
          throw Futures.asCompletion(err);
        }
        long announced = response.body().contentLength();
        if (announced >= 0 && n != announced) {
          TransportException e = new TransportException(TransportException.Kind.IO, request.object() + ": "
              + n + " bytes arrived but " + announced + " were announced", RetrySafety.PROCESSED, null);
          response.attempts().forEach(e::addAttempt);
          throw Futures.asCompletion(e);
        }
        return info;
      });
    });
  }

  /** The object as a stream; the caller closes it. */
  public CompletableFuture<ObjectStream> stream(GetObjectRequest request) {
    return objects.get(request).thenApply(response ->
        new ObjectStream(Headers.objectInfo(request.object(), response.headers()), response.body().stream()));
  }

  /**
   * Writes the object to {@code target} through a temporary file in the same directory that is
   * renamed over the target only when every byte arrived (and matched the ETag), so the target never
   * holds a partial object.
   */
  public CompletableFuture<ObjectInfo> toFile(GetObjectRequest request, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return CompletableFuture.failedFuture(new ClientException("target file", "directory of " + target + " does not exist"));
    }
    return objects.get(request).thenCompose(response -> {
      ObjectInfo info = Headers.objectInfo(request.object(), response.headers());
      Path tmp;
      FileChannel channel;
      try {
        tmp = Files.createTempFile(dir, "." + target.getFileName(), ".s3wire-part");
        channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException e) {
        response.close();
        throw Futures.asCompletion(new ClientException("target file", "cannot write in " + dir + ": " + e.getMessage(), e));
      }
      Path temp = tmp;
      CompletableFuture<Long> transfer;
      try {
        // Written on the event loop as the bytes arrive: no hand-off to a body thread.
        transfer = response.body().transferTo(io.s3wire.http.internal.InlineWriteChannel.of(channel));
      } catch (RuntimeException e) {
        transfer = CompletableFuture.failedFuture(e);
      }
      return transfer.handle((n, err) -> {
        response.close();
        try {
          channel.force(true);
          channel.close();
          if (err != null) {
            throw Futures.asCompletion(err);
          }
          if (request.range() == null) {
            verify(request, info, md5Hex(temp), response);
          }
          move(temp, target);
          return info;
        } catch (IOException e) {
          throw Futures.asCompletion(new TransportException(TransportException.Kind.IO,
              "cannot complete " + target + ": " + e.getMessage(), RetrySafety.PROCESSED, e));
        } finally {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // The temporary file is hidden and named for the target; nothing else can be done.
          }
        }
      });
    });
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String md5Hex(Path file) throws IOException {
    var md = Digests.md5();
    try (var in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void verify(GetObjectRequest request, ObjectInfo info, String md5, HttpResponse response) {
    String eTag = info.eTag();
    if (eTag == null || !ObjectOperations.isMd5(eTag) || ObjectOperations.isKmsEncrypted(response)) {
      return;
    }
    if (!eTag.equalsIgnoreCase(md5)) {
      TransportException e = new TransportException(TransportException.Kind.IO,
          "integrity check failed for " + request.object() + ": received bytes have MD5 " + md5
              + " but the object's ETag is " + eTag, RetrySafety.PROCESSED, null);
      response.attempts().forEach(e::addAttempt);
      throw Futures.asCompletion(e);
    }
  }
}
