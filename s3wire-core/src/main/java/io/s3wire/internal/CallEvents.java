package io.s3wire.internal;

import io.s3wire.error.Attempt;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import io.s3wire.metrics.AttemptEnd;
import io.s3wire.metrics.CallEnd;
import io.s3wire.metrics.CallListener;
import io.s3wire.metrics.CallStart;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.FlightRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each call's start, attempts and end to the client's {@link CallListener}, to JFR and to the
 * DEBUG log: the one place those facts are gathered, so the three never disagree.
 */
final class CallEvents {
  private static final Logger LOG = LoggerFactory.getLogger("io.s3wire.calls");
  private static final AtomicLong IDS = new AtomicLong();

  private final CallListener listener;

  CallEvents(CallListener listener) {
    this.listener = listener == null ? CallListener.NONE : listener;
  }

  /** A call starts. */
  Tracked start(S3Call call) {
    Tracked t = new Tracked(IDS.incrementAndGet(), call, System.nanoTime());
    if (listener != CallListener.NONE) {
      safely(() -> listener.onCallStart(new CallStart(t.id, call.operation(), call.bucket(), call.key())));
    }
    return t;
  }

  /** One call's facts as its attempts go by; attempts run one after another. */
  final class Tracked {
    private final long id;
    private final S3Call call;
    private final long startNanos;
    /** {@code null} while no recording was ever started: see {@link #recording()}. */
    private final JfrEvents.Call jfr = recording() ? new JfrEvents.Call() : null;
    private long attemptStart;
    private JfrEvents.Attempt attemptEvent;
    private String lastFailure;

    private Tracked(long id, S3Call call, long startNanos) {
      this.id = id;
      this.call = call;
      this.startNanos = startNanos;
      if (jfr != null) {
        jfr.begin();
      }
    }

    /** Attempt {@code n} starts (a retry when {@code n > 1}). */
    synchronized void attemptStarted(int n) {
      attemptStart = System.nanoTime();
      attemptEvent = recording() ? new JfrEvents.Attempt() : null;
      if (attemptEvent != null) {
        attemptEvent.begin();
      }
      if (n > 1 && LOG.isDebugEnabled()) {
        LOG.debug("{} retry {} after: {}", call.describe(), n - 1, lastFailure);
      }
    }

    /**
     * Attempt {@code n} ended with {@code response} or {@code failure}; {@code transportAttempts} are
     * the wire attempts it made (two after a fallback to HTTP/1.1).
     */
    synchronized void attemptEnded(int n, HttpResponse response, Throwable failure, List<Attempt> transportAttempts) {
      Duration took = Duration.ofNanos(System.nanoTime() - attemptStart);
      Attempt last = transportAttempts.isEmpty() ? null : transportAttempts.get(transportAttempts.size() - 1);
      int status = status(response, failure);
      String failed = failure == null ? null : name(failure);
      lastFailure = failure == null ? null : failure.getMessage();
      long received = received(response);
      boolean fellBack = transportAttempts.size() > 1;
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} attempt {}: {} ({} ms{})", call.describe(), n,
            last != null ? last.summary() : failed, took.toMillis(), fellBack ? ", after falling back to HTTP/1.1" : "");
      }
      JfrEvents.Attempt event = attemptEvent;
      if (event != null && event.shouldCommit()) {
        event.end();
        event.operation = call.operation();
        event.bucket = call.bucket();
        event.retry = n - 1;
        event.protocol = last == null || last.protocol() == null ? null : last.protocol().toString();
        event.alpn = last == null ? null : last.alpnSelected();
        event.tlsProvider = last == null || last.tlsProvider() == null ? null : last.tlsProvider().name();
        event.status = status;
        event.bytesSent = sent();
        event.bytesReceived = received;
        event.fellBack = fellBack;
        event.failure = failed;
        event.commit();
      }
      if (listener != CallListener.NONE) {
        AttemptEnd e = new AttemptEnd(id, call.operation(), n,
            last == null || last.protocol() == null ? null : last.protocol().toString(),
            last == null ? null : last.alpnSelected(),
            last == null || last.tlsProvider() == null ? null : last.tlsProvider().name(),
            status, sent(), received, took, fellBack, failed);
        safely(() -> listener.onAttempt(e));
      }
    }

    /** The call ended after {@code attempts} attempts. */
    synchronized void ended(int attempts, HttpResponse response, Throwable failure) {
      int status = status(response, failure);
      String failed = failure == null ? null : name(failure);
      long received = received(response);
      if (jfr != null && jfr.shouldCommit()) {
        jfr.end();
        jfr.operation = call.operation();
        jfr.bucket = call.bucket();
        jfr.key = call.key();
        jfr.attempts = attempts;
        jfr.status = status;
        jfr.bytesSent = sent();
        jfr.bytesReceived = received;
        jfr.failure = failed;
        jfr.commit();
      }
      if (listener != CallListener.NONE) {
        CallEnd e = new CallEnd(id, call.operation(), call.bucket(), attempts, status, sent(), received,
            Duration.ofNanos(System.nanoTime() - startNanos), failed);
        safely(() -> listener.onCallEnd(e));
      }
    }

    /**
     * Whether JFR was started in this JVM (by a flag, {@code jcmd JFR.start} or a {@code Recording}).
     * Until then the events are not even made: the first one loads and registers JFR's event
     * machinery, a hundred classes and generated code, which costs a short command its start-up.
     */
    private static boolean recording() {
      return FlightRecorder.isInitialized();
    }

    private long sent() {
      return Math.max(0, call.body().contentLength());
    }
  }

  private static int status(HttpResponse response, Throwable failure) {
    if (response != null) {
      return response.status();
    }
    return Futures.unwrap(failure) instanceof ServiceException se ? se.status() : 0;
  }

  private static long received(HttpResponse response) {
    if (response == null) {
      return 0;
    }
    return response.headers().first("Content-Length").map(v -> {
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        return 0L;
      }
    }).orElse(0L);
  }

  /** {@code ServiceException}, {@code TransportException(TIMEOUT)}, ...: a type, never a message. */
  static String name(Throwable failure) {
    Throwable t = Futures.unwrap(failure);
    if (t instanceof TransportException te) {
      return "TransportException(" + te.kind() + ")";
    }
    return t instanceof S3Exception ? t.getClass().getSimpleName() : t.getClass().getName();
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // A listener must not throw (CallListener's contract); its failure must not change the call.
    }
  }
}
