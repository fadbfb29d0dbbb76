package io.s3wire.http;

import io.s3wire.wire.WireListener;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous HTTP/1.1 and HTTP/2 client on Netty: the layer the S3 client sits on.
 *
 * <p>Thread-safe; one instance holds an event loop and the connection pools, so share it. Closing it
 * closes every connection and stops its threads.
 *
 * <p>{@link #execute} completes with the response head once it has arrived (the body streams
 * afterwards) or exceptionally with an {@code io.s3wire.error.S3Exception}: {@code ClientException}
 * when the request cannot be sent on the chosen version (nothing was sent), {@code
 * TransportException} or {@code StreamResetException} for what happened on the wire. A non-2xx
 * status is a response, not an exception. Cancelling the returned future cancels the call: its
 * HTTP/2 stream is reset, or its HTTP/1.1 connection closed, and every buffer released.
 */
public interface HttpTransport extends AutoCloseable {
  /**
   * A transport on Netty for {@code config}; with {@link HttpVersionPolicy#NEGOTIATE_WITH_FALLBACK} it
   * retries a request over HTTP/1.1 when HTTP/2 fails in a way that is evidence of a version problem,
   * and with {@link HttpVersionPolicy#NEGOTIATE_WITH_HTTP3} it also moves to HTTP/3 where an origin
   * advertises it with {@code Alt-Svc}, back to TCP when QUIC fails.
   *
   * @param config how to connect and speak HTTP, not {@code null}
   * @return a new transport with its own event loop; close it when done
   */
  static HttpTransport create(TransportConfig config) {
    // NEGOTIATE_WITH_FALLBACK: the evidence-gated HTTP/1.1 fallback decorates the Netty transport;
    // NEGOTIATE_WITH_HTTP3: the Alt-Svc upgrade decorates that.
    return io.s3wire.http.internal.fallback.FallbackTransport.decorate(config, io.s3wire.http.internal.NettyHttpTransport::create);
  }

  /**
   * The configuration this transport was created with.
   *
   * @return never {@code null}
   */
  TransportConfig config();

  /**
   * Sends a request; {@code listener} receives this call's wire events on top of the client's.
   *
   * @param request the request to send, not {@code null}
   * @param listener this call's wire listener, not {@code null}; {@link WireListener#NONE} for none
   * @return a future completing with the response head, or exceptionally as described on this type
   */
  CompletableFuture<HttpResponse> execute(HttpRequest request, WireListener listener);

  /**
   * Sends a request with no listener of its own.
   *
   * @param request the request to send, not {@code null}
   * @return a future completing with the response head, or exceptionally as described on this type
   */
  default CompletableFuture<HttpResponse> execute(HttpRequest request) {
    return execute(request, WireListener.NONE);
  }

  /**
   * Closes every connection and stops the event-loop threads, blocking until they have stopped (about
   * two seconds at most); calls in flight fail. A second call does nothing.
   */
  @Override
  void close();
}
