package io.s3wire.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;

/**
 * The body of a response: a one-shot stream that the caller must consume or close.
 *
 * <p>Bytes arrive with back-pressure: the transport reads from the network (HTTP/1.1) or sends
 * WINDOW_UPDATE (HTTP/2) only as the caller consumes them, so an unread body holds at most a
 * bounded read-ahead. Exactly one of {@link #stream()}, {@link #bytes()}, {@link #transferTo} or
 * {@link #close()} consumes it. {@link #close()} on an unfinished body cancels the exchange
 * (HTTP/2: RST_STREAM(CANCEL); HTTP/1.1: the connection is closed, never reused) and releases every
 * buffer. Errors that end the body early (a reset, a closed connection) surface as {@code
 * io.s3wire.error.S3Exception}s, wrapped in an {@link IOException} on the stream path.
 */
public interface ResponseBody extends AutoCloseable {
  /**
   * The announced length ({@code content-length}), in bytes.
   *
   * @return the length, or {@code -1} when the server did not say
   */
  long contentLength();

  /**
   * The bytes as a blocking stream. Closing the stream closes the body.
   *
   * @return the stream, whose reads block until bytes arrive
   */
  InputStream stream();

  /**
   * Reads the whole body into memory, blocking until it has arrived. Only for bodies known to be small.
   *
   * @return the bytes, empty for an empty body
   * @throws IOException when the exchange fails before the end, wrapping the {@code S3Exception}
   */
  byte[] bytes() throws IOException;

  /**
   * Writes the body to {@code target} off the event loop and completes with the number of bytes
   * written. The target is not closed.
   *
   * @param target where the bytes go, not {@code null}
   * @return a future completing with the byte count, or exceptionally when the exchange or a write fails
   */
  CompletableFuture<Long> transferTo(WritableByteChannel target);

  /** Releases the body; cancels the exchange if it was not read to the end. Idempotent. */
  @Override
  void close();
}
