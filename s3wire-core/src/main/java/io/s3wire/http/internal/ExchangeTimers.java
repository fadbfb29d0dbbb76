package io.s3wire.http.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The response-headers and idle-read timers of one exchange, on its event loop.
 *
 * <p>The idle timer fires only while the exchange waits on the peer ({@code waitingOnPeer}): for
 * response headers, for body bytes the caller is waiting for, or for window to send the request
 * body. Progress either way ({@link #touch()}: bytes received, request bytes written) restarts it.
 * A caller that reads slowly is not the peer's fault and never trips it.
 */
final class ExchangeTimers {
  private final EventLoop loop;
  private final long idleNanos;
  private final long headersNanos;
  private final BooleanSupplier waitingOnPeer;
  private final Consumer<S3Exception> onTimeout;
  private long lastActivity = System.nanoTime();
  private ScheduledFuture<?> idle;
  private ScheduledFuture<?> headers;
  private boolean stopped;

  ExchangeTimers(EventLoop loop, long idleMillis, long headersMillis, BooleanSupplier waitingOnPeer, Consumer<S3Exception> onTimeout) {
    this.loop = loop;
    this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    this.headersNanos = TimeUnit.MILLISECONDS.toNanos(headersMillis);
    this.waitingOnPeer = waitingOnPeer;
    this.onTimeout = onTimeout;
  }

  void startIdle() {
    lastActivity = System.nanoTime();
    scheduleIdle(idleNanos);
  }

  void touch() {
    lastActivity = System.nanoTime();
  }

  /** The request is sent: the server now owes response headers. */
  void requestSent() {
    if (stopped || headers != null) {
      return;
    }
    headers = loop.schedule(() -> {
      if (!stopped) {
        stop();
        onTimeout.accept(new TransportException(TransportException.Kind.RESPONSE_HEADERS_TIMEOUT,
            "response headers timeout: no response headers within " + TimeUnit.NANOSECONDS.toMillis(headersNanos) + " ms",
            RetrySafety.UNKNOWN, null));
      }
    }, headersNanos, TimeUnit.NANOSECONDS);
  }

  void headersReceived() {
    if (headers != null) {
      headers.cancel(false);
    }
  }

  void stop() {
    stopped = true;
    if (idle != null) {
      idle.cancel(false);
    }
    if (headers != null) {
      headers.cancel(false);
    }
  }

  private void scheduleIdle(long delayNanos) {
    idle = loop.schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void checkIdle() {
    if (stopped) {
      return;
    }
    long now = System.nanoTime();
    if (!waitingOnPeer.getAsBoolean()) {
      lastActivity = now;
    }
    long quiet = now - lastActivity;
    if (quiet >= idleNanos) {
      stop();
      onTimeout.accept(new TransportException(TransportException.Kind.IDLE_READ_TIMEOUT,
          "idle read timeout: nothing from the server for " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms",
          RetrySafety.UNKNOWN, null));
      return;
    }
    scheduleIdle(idleNanos - quiet);
  }
}
