package io.s3wire.http.internal;

import io.s3wire.error.Attempt;
import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.TlsProvider;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.TraceRecorder;
import io.s3wire.wire.WireListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One call of {@code HttpTransport.execute}: its request, listener, future and the exchange that
 * serves it. Thread-safe: completion is first-wins through the future, and the exchange hook is
 * volatile.
 */
final class Call {
  /** What serves a call on a connection; aborting runs on the connection's event loop. */
  interface Exchange {
    /** Ends the exchange with {@code reason}: resets the stream or closes the connection, releases buffers. */
    void abort(S3Exception reason);
  }

  final HttpRequest request;
  final WireListener listener;
  final Redaction redaction;
  final CompletableFuture<HttpResponse> future = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  /** Events kept per call for a failed attempt's trace tail, and the lines shown of them. */
  private static final int TRACE_EVENTS = 64;
  private static final int TRACE_TAIL_LINES = 24;
  private final TraceRecorder recorder;
  private final TlsProvider tlsProvider;
  private final List<String> alpnOffered;
  private volatile Exchange exchange;
  private volatile S3Exception aborted;
  private volatile java.util.concurrent.Future<?> deadline;

  Call(HttpRequest request, WireListener listener, TlsProvider tlsProvider, List<String> alpnOffered) {
    this.request = request;
    this.redaction = Redaction.DEFAULT.withSensitiveHeaders(request.sensitiveHeaders());
    // A small bounded record of this call's events: formatted only when the call fails, as the
    // failed attempt's trace tail (what `-v` and explain() readers see).
    this.recorder = TraceRecorder.create(TRACE_EVENTS, redaction).startAt(startNanos);
    this.listener = WireListener.composite(listener, recorder);
    this.tlsProvider = request.isTls() ? tlsProvider : null;
    this.alpnOffered = request.isTls() ? alpnOffered : List.of();
    future.whenComplete((r, t) -> {
      if (t instanceof CancellationException) {
        abort(new TransportException(TransportException.Kind.CANCELLED, "the call was cancelled", RetrySafety.UNKNOWN, null));
      }
    });
  }

  /** Arms the call timeout; it is cancelled by {@link #finished()} or a failure before any response. */
  void deadline(java.util.concurrent.Future<?> timer) {
    deadline = timer;
    future.whenComplete((r, t) -> {
      if (t != null) {
        timer.cancel(false);
      }
    });
  }

  /** The exchange is over on the network side: the call timeout no longer applies. */
  void finished() {
    java.util.concurrent.Future<?> d = deadline;
    if (d != null) {
      d.cancel(false);
    }
  }

  /** Whether the call ended before getting a connection (cancelled, timed out, failed). */
  boolean isDone() {
    return future.isDone() && exchange == null;
  }

  /** Binds the call to its exchange; returns false when the call already ended (the exchange must stand down). */
  boolean bind(Exchange e) {
    exchange = e;
    return aborted == null && !future.isCancelled() && !(future.isDone() && future.isCompletedExceptionally());
  }

  /** Ends the call from outside its exchange (call timeout, cancellation). */
  void abort(S3Exception reason) {
    aborted = reason;
    Exchange e = exchange;
    if (e != null) {
      e.abort(reason);
    } else {
      fail(reason, null);
    }
  }

  /** Fails the call's future with {@code e}, recording the attempt. */
  void fail(S3Exception e, ConnectionInfo info) {
    if (future.isDone()) {
      return;
    }
    future.completeExceptionally(withAttempt(e, info));
  }

  /** Fails what the caller holds: the response body when the response began ({@code body} not null), else the call. */
  void failResponse(S3Exception e, ConnectionInfo info, StreamingResponseBody body) {
    withAttempt(e, info);
    if (body != null) {
      body.fail(e);
    } else {
      fail(e, info);
    }
  }

  /** Adds this attempt's facts to {@code e} (once) and returns it. */
  S3Exception withAttempt(S3Exception e, ConnectionInfo info) {
    if (e.attempts().isEmpty()) {
      Attempt a = attempt(info, e.getMessage());
      e.addAttempt(new Attempt(a.protocol(), a.tlsProvider(), a.alpnOffered(), a.alpnSelected(), a.outcome(), a.duration(),
          recorder.textTail(TRACE_TAIL_LINES)));
    }
    return e;
  }

  void succeed(int status, HttpHeaders headers, HttpProtocol protocol, StreamingResponseBody body, ConnectionInfo info) {
    if (!future.complete(new HttpResponse(status, headers, protocol, body, List.of(attempt(info, status + reason(status)))))) {
      body.close();
    }
  }

  Attempt attempt(ConnectionInfo info, String outcome) {
    Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
    if (info == null) {
      return new Attempt(null, tlsProvider, alpnOffered, null, outcome, d, List.of());
    }
    return new Attempt(info.protocol(), info.tlsProvider(), info.alpnOffered(), info.alpnSelected(), outcome, d, List.of());
  }

  private static String reason(int status) {
    String r = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    return r.isEmpty() || r.startsWith("Unknown") ? "" : " " + r;
  }

  /** A fresh copy of a shared failure, so each call's exception carries only its own attempts. */
  static S3Exception copy(S3Exception e) {
    if (e instanceof TransportException t) {
      return new TransportException(t.kind(), t.getMessage(), t.retrySafety(), t.getCause());
    }
    if (e instanceof ClientException c) {
      String prefix = c.subject() + ": ";
      String m = c.getMessage().startsWith(prefix) ? c.getMessage().substring(prefix.length()) : c.getMessage();
      return new ClientException(c.subject(), m, c.getCause());
    }
    if (e instanceof StreamResetException s && s.isHttp3()) {
      return s.isGoAway()
          ? StreamResetException.http3ConnectionClose(s.errorCode(), s.streamId(), s.lastStreamId(), s.debugData(), s.afterResponseHeaders())
          : StreamResetException.http3Reset(s.errorCode(), s.streamId(), s.sentByPeer(), s.afterResponseHeaders());
    }
    if (e instanceof StreamResetException s) {
      return s.isGoAway()
          ? StreamResetException.goAway(s.errorCode(), s.streamId(), s.lastStreamId(), s.debugData(), s.afterResponseHeaders())
          : StreamResetException.rstStream(s.errorCode(), s.streamId(), s.sentByPeer(), s.afterResponseHeaders());
    }
    return e;
  }
}
