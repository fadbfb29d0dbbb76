package io.s3wire.internal;

import io.s3wire.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.util.concurrent.CompletableFuture;

/** Reads small response bodies (XML results, error documents) without blocking an event loop. */
final class Bodies {
  private Bodies() {}

  /** Reads the whole body, then closes the response, on success and on failure. */
  static CompletableFuture<byte[]> readAll(HttpResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Long> transfer;
    try {
      transfer = response.body().transferTo(Channels.newChannel(out));
    } catch (RuntimeException e) {
      response.close();
      return CompletableFuture.failedFuture(e);
    }
    return transfer.handle((n, err) -> {
      response.close();
      if (err != null) {
        throw Futures.asCompletion(err);
      }
      return out.toByteArray();
    });
  }

  /** Closes the response without reading it (HEAD, DELETE, PUT results carry no body we need). */
  static <T> T discard(HttpResponse response, T value) {
    response.close();
    return value;
  }
}
