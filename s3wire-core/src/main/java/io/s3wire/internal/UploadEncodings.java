package io.s3wire.internal;

import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one client has learnt about the upload encodings its endpoint takes, and the reports of it.
 * After the server refused a form ({@link EncodingGate}) or answered a checksum without confirming it,
 * uploads go straight to the simpler form for a time to live (as the HTTP/2 fallback remembers
 * HTTP/1.1 verdicts), so a transfer of many parts pays for the discovery once. A client has one
 * endpoint, so this memory is the endpoint's. Reports go to the client's listener and the
 * transport's (a trace), once each. Thread-safe.
 */
public final class UploadEncodings {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UploadEncodings.class);
  /** How long a verdict is remembered, as for HTTP/1.1 verdicts. */
  static final Duration TTL = Duration.ofMinutes(5);

  private record Verdict(UploadEncoding simplest, Instant until) {}

  private final List<WireListener> listeners;
  private final Clock clock;
  private volatile Verdict verdict;

  UploadEncodings(List<WireListener> listeners, Clock clock) {
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** The most capable form uploads may use now: {@code TRAILER} unless a verdict says otherwise. */
  UploadEncoding floor() {
    Verdict v = verdict;
    if (v == null) {
      return UploadEncoding.TRAILER;
    }
    if (!clock.instant().isBefore(v.until())) {
      verdict = null;
      return UploadEncoding.TRAILER;
    }
    return v.simplest();
  }

  /** The form to use when {@code wanted} is asked for: it, or the simpler form a verdict demands. */
  UploadEncoding use(UploadEncoding wanted) {
    return UploadEncoding.simplest(wanted, floor());
  }

  /** Remembers that the endpoint needs {@code to} or simpler, and reports the step from {@code from}. */
  void stepDown(String operation, String subject, UploadEncoding from, UploadEncoding to, String reason) {
    remember(to);
    emit(new WireEvent.UploadStepDown(System.nanoTime(), "-", operation, subject, from.words(), to.words(),
        reason + "; remembered for this endpoint for " + TTL.toMinutes() + " min"));
  }

  /**
   * Reports a checksum the server answered without confirming, sent in form {@code used}; the
   * endpoint's uploads then go as Content-MD5, which such servers check (Ceph RGW 16.2 does), and the
   * first such report also says that step.
   */
  void unconfirmed(String operation, String subject, UploadEncoding used, String algorithm, String checkedBy) {
    emit(new WireEvent.ChecksumUnconfirmed(System.nanoTime(), "-", operation, subject, algorithm, checkedBy));
    UploadEncoding before;
    synchronized (this) {
      before = floor();
      remember(UploadEncoding.CONTENT_MD5);
    }
    if (before != UploadEncoding.CONTENT_MD5) {
      UploadEncoding from = UploadEncoding.simplest(used, before);
      emit(new WireEvent.UploadStepDown(System.nanoTime(), "-", operation, subject, from.words(),
          UploadEncoding.CONTENT_MD5.words(), "the server answered without confirming the " + algorithm
              + " checksum, so it may ignore checksums; Content-MD5 is what uploads carry next"
              + "; remembered for this endpoint for " + TTL.toMinutes() + " min"));
    }
  }

  private synchronized void remember(UploadEncoding simplest) {
    UploadEncoding now = floor();
    verdict = new Verdict(UploadEncoding.simplest(now, simplest), clock.instant().plus(TTL));
  }

  private void emit(WireEvent event) {
    if (event instanceof WireEvent.UploadStepDown d) {
      LOG.debug("{} {}: uploads step down from {} to {}: {}", d.operation(), d.subject(), d.from(), d.to(), d.reason());
    }
    for (WireListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException ignored) {
        // A listener must not throw (WireListener's contract); its failure must not change the upload.
      }
    }
  }
}
