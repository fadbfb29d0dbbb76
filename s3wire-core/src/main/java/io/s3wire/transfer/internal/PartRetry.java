package io.s3wire.transfer.internal;

import io.s3wire.error.ClientException;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.internal.Futures;
import io.s3wire.retry.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends one part again when its request failed, with the policy's full-jitter backoff.
 *
 * <p>The client's own retries stop where repeating a request could apply it twice; a part can
 * always be sent again (UploadPart replaces the part, a ranged GET rewrites the same bytes), so
 * here every failure is retried but invalid input, authorisation and not-found errors, a malformed
 * request and cancellation. The final failure names the part; a {@link ServiceException} keeps its
 * type (callers match on its code) and gets the part in a suppressed note.
 */
final class PartRetry {
  private PartRetry() {}

  static <T> CompletableFuture<T> run(
      Supplier<CompletableFuture<T>> attempt, RetryPolicy policy, TransferState state, String partName) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(attempt, policy, state, partName, 1, result);
    return result;
  }

  private static <T> void attempt(Supplier<CompletableFuture<T>> attempt, RetryPolicy policy, TransferState state,
      String partName, int n, CompletableFuture<T> result) {
    CompletableFuture<T> f;
    try {
      state.checkCancelled();
      f = attempt.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    // Cancelling the transfer cancels the request in flight, which the client aborts on the wire: a
    // part sent straight from the file (sendfile) is never read through a body that could notice.
    CompletableFuture<T> inFlight = f;
    Runnable abort = () -> inFlight.cancel(false);
    state.onCancel(abort);
    f.whenComplete((v, err) -> {
      state.removeOnCancel(abort);
      if (err == null) {
        result.complete(v);
        return;
      }
      Throwable t = Futures.unwrap(err);
      if (state.isCancelled()) {
        result.completeExceptionally(TransferState.cancelledException());
      } else if (n < policy.maxAttempts() && worthRetrying(t)) {
        long delay = policy.backoff(n, ThreadLocalRandom.current()).toNanos();
        CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
            .execute(() -> attempt(attempt, policy, state, partName, n + 1, result));
      } else {
        result.completeExceptionally(named(t, partName, n));
      }
    });
  }

  static boolean worthRetrying(Throwable t) {
    if (t instanceof ClientException) {
      return false;
    }
    if (t instanceof ServiceException se) {
      int s = se.status();
      return s >= 500 || s == 429 || s == 408 || "SlowDown".equals(se.errorCode())
          || "RequestTimeout".equals(se.errorCode()) || "BadDigest".equals(se.errorCode())
          || "IncompleteBody".equals(se.errorCode());
    }
    if (t instanceof StreamResetException sr) {
      return sr.code() != Http2ErrorCode.PROTOCOL_ERROR && sr.code() != Http2ErrorCode.HTTP_1_1_REQUIRED;
    }
    if (t instanceof TransportException te) {
      return te.kind() != TransportException.Kind.CANCELLED && te.kind() != TransportException.Kind.UNKNOWN_HOST
          && te.kind() != TransportException.Kind.UNTRUSTED_CERTIFICATE && te.kind() != TransportException.Kind.HOSTNAME_MISMATCH;
    }
    return false;
  }

  /** The failure of {@code partName} after {@code tries} tries, as an S3Exception that names it. */
  static Throwable named(Throwable t, String partName, int tries) {
    String prefix = partName + " failed" + (tries > 1 ? " after " + tries + " tries" : "") + ": ";
    if (t instanceof ServiceException || t instanceof ClientException) {
      t.addSuppressed(new PartNote(prefix + t.getMessage()));
      return t;
    }
    if (t instanceof TransportException te && te.kind() == TransportException.Kind.CANCELLED) {
      return t;
    }
    if (t instanceof S3Exception s3) {
      TransportException.Kind kind = s3 instanceof TransportException te ? te.kind() : TransportException.Kind.IO;
      TransportException named = new TransportException(kind, prefix + s3.getMessage(), s3.retrySafety(), s3);
      s3.attempts().forEach(named::addAttempt);
      return named;
    }
    return new TransportException(TransportException.Kind.IO, prefix + t, io.s3wire.error.RetrySafety.UNKNOWN, t);
  }

  /** Names the part a kept-as-is exception belongs to. */
  static final class PartNote extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PartNote(String message) {
      super(message, null, false, false);
    }
  }
}
