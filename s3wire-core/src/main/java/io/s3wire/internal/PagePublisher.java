package io.s3wire.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The pages of a listing as a {@link Flow.Publisher} with back-pressure: a page is asked of the
 * server only while the subscriber has unmet demand, one at a time, each after the page before (whose
 * token it needs). Cold: every subscriber gets a listing of its own, from the first page.
 *
 * <p>Signals are serial (one drain loop at a time delivers them), never beyond demand, and end with
 * one {@code onComplete} or one {@code onError}. Cancelling stops the listing: the request in flight
 * is cancelled (aborted on the wire) and nothing more is signalled. A request of zero or fewer
 * elements fails the subscription with an {@link IllegalArgumentException} (Reactive Streams rule 3.9).
 *
 * @param <P> a page
 */
public final class PagePublisher<P> implements Flow.Publisher<P> {
  private final Function<String, CompletableFuture<P>> fetch;
  private final Function<P, String> nextToken;

  /**
   * @param fetch fetches the page after a token ({@code null} for the first)
   * @param nextToken a page's token for the next, or {@code null} when it is the last
   */
  public PagePublisher(Function<String, CompletableFuture<P>> fetch, Function<P, String> nextToken) {
    this.fetch = fetch;
    this.nextToken = nextToken;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super P> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    Listing listing = new Listing(subscriber);
    subscriber.onSubscribe(listing);
  }

  private final class Listing implements Flow.Subscription {
    private final AtomicInteger work = new AtomicInteger();
    private Flow.Subscriber<? super P> subscriber;
    // Written by any thread, then drained.
    private volatile long demand;
    private volatile boolean cancelled;
    private volatile P arrived;
    private volatile Throwable failure;
    private volatile CompletableFuture<P> inFlight;
    // Touched only inside the drain loop.
    private boolean fetching;
    private boolean ended;
    private String token;

    Listing(Flow.Subscriber<? super P> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        failure = new IllegalArgumentException("Subscription.request(" + n + "): demand must be positive (rule 3.9)");
        stopFetching();
      } else {
        synchronized (this) {
          long d = demand + n;
          demand = d < 0 ? Long.MAX_VALUE : d;
        }
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      stopFetching();
      drain();
    }

    private void stopFetching() {
      CompletableFuture<P> f = inFlight;
      if (f != null) {
        f.cancel(false);
      }
    }

    /** Delivers what is due; one thread at a time, others leave their work to it. */
    private void drain() {
      if (work.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        step();
        missed = work.addAndGet(-missed);
      } while (missed != 0);
    }

    private void step() {
      if (ended) {
        return;
      }
      if (cancelled) {
        end();
        return;
      }
      Throwable t = failure;
      if (t != null) {
        Flow.Subscriber<? super P> s = subscriber;
        end();
        s.onError(t);
        return;
      }
      P page = arrived;
      if (page != null) {
        arrived = null;
        fetching = false;
        synchronized (this) {
          if (demand != Long.MAX_VALUE) {
            demand--;
          }
        }
        token = nextToken.apply(page);
        subscriber.onNext(page);
        if (token == null && !ended && !cancelled && failure == null) {
          Flow.Subscriber<? super P> s = subscriber;
          end();
          s.onComplete();
          return;
        }
      }
      if (!fetching && !ended && !cancelled && demand > 0) {
        fetching = true;
        fetchNext();
      }
    }

    private void fetchNext() {
      CompletableFuture<P> f;
      try {
        f = fetch.apply(token);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      inFlight = f;
      f.whenComplete((page, error) -> {
        if (error != null) {
          synchronized (this) {
            // A failure already set (a request of no elements) is the one the subscriber hears.
            if (failure == null) {
              failure = Futures.unwrap(error);
            }
          }
        } else {
          arrived = page;
        }
        drain();
      });
    }

    private void end() {
      ended = true;
      subscriber = null;
      inFlight = null;
    }
  }
}
