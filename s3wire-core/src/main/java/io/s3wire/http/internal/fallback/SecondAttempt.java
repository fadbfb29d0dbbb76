package io.s3wire.http.internal.fallback;

import io.s3wire.error.Attempt;
import io.s3wire.error.ClientException;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What both fallbacks (h2 -> HTTP/1.1, h3 -> TCP) do once they have decided to send a request again
 * on another version: the outcome carries every attempt, oldest first, and the first failure is
 * kept as a suppressed exception of a second one.
 */
final class SecondAttempt {
  private SecondAttempt() {}

  /** Completes {@code result} with {@code second}'s outcome, listing {@code first}'s attempts before its own. */
  static void finish(CompletableFuture<HttpResponse> result, S3Exception first, CompletableFuture<HttpResponse> second) {
    second.whenComplete((response, error) -> {
      if (error == null) {
        result.complete(new HttpResponse(response.status(), response.headers(), response.protocol(), response.body(),
            concat(first.attempts(), response.attempts())));
        return;
      }
      S3Exception failure2 = unwrap(error);
      if (failure2 == null) {
        result.completeExceptionally(error);
        return;
      }
      S3Exception both = copyWithoutAttempts(failure2);
      concat(first.attempts(), failure2.attempts()).forEach(both::addAttempt);
      both.addSuppressed(first);
      result.completeExceptionally(both);
    });
  }

  /** The {@link S3Exception} inside {@code t}, or {@code null} when there is none. */
  static S3Exception unwrap(Throwable t) {
    Throwable c = t;
    while (c instanceof CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    return c instanceof S3Exception s ? s : null;
  }

  static void deliver(WireListener l, WireEvent event) {
    try {
      l.onEvent(event);
    } catch (RuntimeException ignored) {
      // A listener must not throw (WireListener's contract); its failure must not change the call.
    }
  }

  private static List<Attempt> concat(List<Attempt> a, List<Attempt> b) {
    List<Attempt> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** A copy of the second attempt's failure, so it can list the first attempt before its own. */
  private static S3Exception copyWithoutAttempts(S3Exception e) {
    S3Exception copy;
    if (e instanceof TransportException t) {
      copy = new TransportException(t.kind(), t.getMessage(), t.retrySafety(), t.getCause());
    } else if (e instanceof ClientException c) {
      String prefix = c.subject() + ": ";
      String m = c.getMessage().startsWith(prefix) ? c.getMessage().substring(prefix.length()) : c.getMessage();
      copy = new ClientException(c.subject(), m, c.getCause());
    } else if (e instanceof StreamResetException s && !s.isHttp3()) {
      copy = s.isGoAway()
          ? StreamResetException.goAway(s.errorCode(), s.streamId(), s.lastStreamId(), s.debugData(), s.afterResponseHeaders())
          : StreamResetException.rstStream(s.errorCode(), s.streamId(), s.sentByPeer(), s.afterResponseHeaders());
    } else {
      return e;
    }
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
