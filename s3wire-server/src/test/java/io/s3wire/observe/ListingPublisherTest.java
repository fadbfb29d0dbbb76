package io.s3wire.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.ListObjectsPage;
import io.s3wire.ListObjectsRequest;
import io.s3wire.error.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listing publisher asks the server for a page only when the subscriber wants one, follows the
 * tokens to the end, stops on cancel, and keeps the Reactive Streams rules that matter: no onNext
 * beyond demand, serial signals, one terminal signal.
 */
@Timeout(30)
class ListingPublisherTest extends ObserveFixture {
  private final AtomicInteger listRequests = new AtomicInteger();

  @BeforeEach
  void sevenObjects() {
    for (int i = 0; i < 7; i++) {
      client.putObject(BucketKey.of(bucket, "k" + i), new byte[] {(byte) i}).join();
    }
    server.addObserver(r -> {
      if (r.operation().startsWith("ListObjects")) {
        listRequests.incrementAndGet();
      }
    });
  }

  private ListObjectsRequest pagesOfTwo() {
    return ListObjectsRequest.of(bucket).withMaxKeys(2);
  }

  @Test
  void aSlowSubscriberGetsOnePageFetchedPerRequestAndAllKeysInOrder() throws Exception {
    RecordingSubscriber s = new RecordingSubscriber();
    client.listObjectsPublisher(pagesOfTwo()).subscribe(s);
    s.subscribed.get(10, TimeUnit.SECONDS);
    assertThat(listRequests.get()).as("pages fetched before any demand").isZero();
    List<String> keys = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      s.subscription.request(1);
      Object signal = s.signals.poll(10, TimeUnit.SECONDS);
      assertThat(signal).isInstanceOf(ListObjectsPage.class);
      ((ListObjectsPage) signal).objects().forEach(o -> keys.add(o.key()));
      // Without demand the next page is not asked for: the count equals the pages delivered.
      assertThat(listRequests.get()).isEqualTo(page);
    }
    assertThat(s.signals.poll(10, TimeUnit.SECONDS)).isEqualTo("complete");
    assertThat(keys).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6");
    assertThat(s.violations).isEmpty();
  }

  @Test
  void unboundedDemandDeliversEveryPageThenCompletesOnce() throws Exception {
    RecordingSubscriber s = new RecordingSubscriber();
    client.listObjectsPublisher(pagesOfTwo()).subscribe(s);
    s.subscribed.get(10, TimeUnit.SECONDS).request(Long.MAX_VALUE);
    s.subscription.request(Long.MAX_VALUE);
    for (int i = 0; i < 4; i++) {
      assertThat(s.signals.poll(10, TimeUnit.SECONDS)).isInstanceOf(ListObjectsPage.class);
    }
    assertThat(s.signals.poll(10, TimeUnit.SECONDS)).isEqualTo("complete");
    assertThat(listRequests.get()).isEqualTo(4);
    assertThat(s.violations).isEmpty();
  }

  @Test
  void cancelInsideOnNextStopsFetching() throws Exception {
    RecordingSubscriber s = new RecordingSubscriber();
    s.cancelAfterFirst = true;
    client.listObjectsPublisher(pagesOfTwo()).subscribe(s);
    s.subscribed.get(10, TimeUnit.SECONDS).request(5);
    assertThat(s.signals.poll(10, TimeUnit.SECONDS)).isInstanceOf(ListObjectsPage.class);
    // A later listing of the same client is a barrier: its request comes after any the cancelled one made.
    client.listObjectsPage(pagesOfTwo(), null).get(10, TimeUnit.SECONDS);
    assertThat(listRequests.get()).as("the cancelled listing's requests plus the barrier").isEqualTo(2);
    assertThat(s.signals).isEmpty();
    assertThat(s.violations).isEmpty();
  }

  @Test
  void aFailedPageEndsTheListingWithOneOnError() throws Exception {
    RecordingSubscriber s = new RecordingSubscriber();
    client.listObjectsPublisher(ListObjectsRequest.of("no-such-bucket-here")).subscribe(s);
    s.subscribed.get(10, TimeUnit.SECONDS).request(3);
    Object signal = s.signals.poll(10, TimeUnit.SECONDS);
    assertThat(signal).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) signal).errorCode()).isEqualTo("NoSuchBucket");
    s.subscription.request(1);
    client.listObjectsPage(pagesOfTwo(), null).get(10, TimeUnit.SECONDS);
    assertThat(s.signals).isEmpty();
    assertThat(s.violations).isEmpty();
  }

  @Test
  void aRequestOfZeroFailsTheSubscription() throws Exception {
    RecordingSubscriber s = new RecordingSubscriber();
    client.listObjectsPublisher(pagesOfTwo()).subscribe(s);
    s.subscribed.get(10, TimeUnit.SECONDS).request(0);
    assertThat(s.signals.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
    assertThat(listRequests.get()).isZero();
  }

  /** Records signals in order and the rule violations it sees (demand exceeded, overlapping or late signals). */
  private static final class RecordingSubscriber implements Flow.Subscriber<ListObjectsPage> {
    final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
    final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicBoolean inSignal = new AtomicBoolean();
    volatile Flow.Subscription subscription;
    volatile boolean cancelAfterFirst;
    long demand;
    boolean terminated;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = new Flow.Subscription() {
        @Override
        public void request(long n) {
          synchronized (RecordingSubscriber.this) {
            demand = n == Long.MAX_VALUE || demand + n < 0 ? Long.MAX_VALUE : demand + n;
          }
          s.request(n);
        }

        @Override
        public void cancel() {
          s.cancel();
        }
      };
      subscribed.complete(subscription);
    }

    @Override
    public void onNext(ListObjectsPage page) {
      enter("onNext");
      synchronized (this) {
        if (terminated) {
          violations.add("onNext after a terminal signal");
        }
        if (demand == 0) {
          violations.add("onNext beyond demand");
        } else if (demand != Long.MAX_VALUE) {
          demand--;
        }
      }
      signals.add(page);
      if (cancelAfterFirst) {
        subscription.cancel();
      }
      inSignal.set(false);
    }

    @Override
    public void onError(Throwable t) {
      terminal("onError");
      signals.add(t);
    }

    @Override
    public void onComplete() {
      terminal("onComplete");
      signals.add("complete");
    }

    private void terminal(String what) {
      enter(what);
      synchronized (this) {
        if (terminated) {
          violations.add("second terminal signal " + what);
        }
        terminated = true;
      }
      inSignal.set(false);
    }

    private void enter(String what) {
      if (!inSignal.compareAndSet(false, true)) {
        violations.add(what + " while another signal was running");
      }
    }
  }
}
