package io.s3wire.internal;

import io.s3wire.error.Attempt;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one call accumulates across its attempts: the wire facts of each attempt, values worth
 * computing once (a file body's SHA-256), and whether the caller cancelled it. Confined to one call;
 * attempts run one after another, never at once, so plain synchronisation is enough.
 */
final class CallState {
  private final List<Attempt> attempts = new ArrayList<>();
  private String payloadSha256;
  private int attempt;
  private Instant serverDate;
  private RequestSigner.Signed signed;
  private CompletableFuture<HttpResponse> onTheWire;
  private boolean cancelled;
  private CallEvents.Tracked tracked;

  /** The call's facts for listeners, JFR and the log; {@code null} when nobody tracks this call. */
  synchronized CallEvents.Tracked tracked() {
    return tracked;
  }

  synchronized void tracked(CallEvents.Tracked v) {
    tracked = v;
  }

  synchronized String payloadSha256() {
    return payloadSha256;
  }

  synchronized void payloadSha256(String v) {
    payloadSha256 = v;
  }

  /** Starts the next attempt; returns its number, from 1. */
  synchronized int nextAttempt() {
    return ++attempt;
  }

  synchronized int attempt() {
    return attempt;
  }

  /** The server's clock as its last answer stated it ({@code Date}), or {@code null}. */
  synchronized Instant serverDate() {
    return serverDate;
  }

  synchronized void serverDate(Instant v) {
    serverDate = v;
  }

  /** What the attempt now on the wire signed, or {@code null} before the first signing. */
  synchronized RequestSigner.Signed signed() {
    return signed;
  }

  synchronized void signed(RequestSigner.Signed v) {
    signed = v;
  }

  /**
   * Records a failed attempt's wire facts so the next failure (and the last) carries all of them. A
   * failure this pipeline built already starts with the earlier attempts; one the transport raised
   * carries only its own, and gets the earlier ones appended.
   */
  synchronized void record(S3Exception failure) {
    List<Attempt> own = failure.attempts();
    if (startsWithEarlier(own)) {
      attempts.clear();
      attempts.addAll(own);
    } else {
      List<Attempt> earlier = List.copyOf(attempts);
      attempts.addAll(own);
      earlier.forEach(failure::addAttempt);
    }
  }

  /**
   * The wire attempts of the latest attempt's failure {@code t}, not yet {@link #record recorded}:
   * without the earlier ones a failure this pipeline built starts with.
   */
  synchronized List<Attempt> ownAttempts(Throwable t) {
    if (!(t instanceof S3Exception failure)) {
      return List.of();
    }
    List<Attempt> own = failure.attempts();
    return startsWithEarlier(own) ? List.copyOf(own.subList(attempts.size(), own.size())) : own;
  }

  private boolean startsWithEarlier(List<Attempt> own) {
    return own.size() >= attempts.size() && own.subList(0, attempts.size()).equals(attempts);
  }

  /** The attempts of the failures so far, oldest first. */
  synchronized List<Attempt> earlierAttempts() {
    return List.copyOf(attempts);
  }

  /** The attempt now on the wire; a call already cancelled abandons it at once. */
  void sending(CompletableFuture<HttpResponse> attempt) {
    synchronized (this) {
      if (!cancelled) {
        onTheWire = attempt;
        return;
      }
    }
    abandon(attempt);
  }

  /**
   * The caller gave up on the call: the attempt on the wire is cancelled (the transport aborts its
   * exchange, so a request body stops mid-way), and a response that already came is closed, since no
   * one will read it. No attempt starts after this.
   */
  void cancel() {
    CompletableFuture<HttpResponse> attempt;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      attempt = onTheWire;
    }
    if (attempt != null) {
      abandon(attempt);
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }

  static TransportException cancelledException() {
    return new TransportException(TransportException.Kind.CANCELLED, "the call was cancelled", RetrySafety.UNKNOWN, null);
  }

  private static void abandon(CompletableFuture<HttpResponse> attempt) {
    if (!attempt.cancel(false)) {
      attempt.thenAccept(HttpResponse::close);
    }
  }
}
