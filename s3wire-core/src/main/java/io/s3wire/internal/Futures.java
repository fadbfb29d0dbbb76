package io.s3wire.internal;

import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.error.RetrySafety;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place that waits for a future and unwraps its failure for the blocking client. */
public final class Futures {
  private Futures() {}

  /**
   * Waits for {@code future} and returns its value, or throws its failure as it was raised: an
   * {@link S3Exception} unwrapped from {@link CompletionException}. An interrupt cancels the call and
   * keeps the thread's interrupt status.
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportException(TransportException.Kind.CANCELLED, "interrupted while waiting", RetrySafety.UNKNOWN, e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (CancellationException e) {
      throw new TransportException(TransportException.Kind.CANCELLED, "the call was cancelled", RetrySafety.UNKNOWN, e);
    }
  }

  /** The failure under any number of {@link CompletionException} / {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Wraps a failure for rethrowing inside a completion stage without wrapping it twice. */
  static CompletionException asCompletion(Throwable t) {
    return t instanceof CompletionException ce ? ce : new CompletionException(t);
  }

  private static RuntimeException rethrowable(Throwable cause) {
    Throwable t = unwrap(cause);
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new TransportException(TransportException.Kind.IO, String.valueOf(t.getMessage()), RetrySafety.UNKNOWN, t);
  }
}
