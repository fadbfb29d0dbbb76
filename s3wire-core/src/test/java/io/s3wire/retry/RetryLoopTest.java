package io.s3wire.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RetryLoopTest {
  final ExecutorService executor = Executors.newSingleThreadExecutor();
  final Retrier retrier = new Retrier(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), null));
  final RequestTraits get = RequestTraits.forMethod("GET", true);

  @AfterEach
  void stop() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  static ServiceException slowDown() {
    return ServiceException.builder(503).errorCode("SlowDown").build();
  }

  @Test
  void retriesUntilSuccess() throws Exception {
    List<Integer> numbers = new ArrayList<>();
    CompletableFuture<String> f = RetryLoop.run(retrier, get, n -> {
      synchronized (numbers) {
        numbers.add(n);
      }
      return n < 3 ? CompletableFuture.failedFuture(slowDown()) : CompletableFuture.completedFuture("ok");
    }, e -> { }, executor);
    assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
    assertThat(numbers).containsExactly(1, 2, 3);
  }

  @Test
  void givesUpWithTheLastFailureAndTheEarlierOnesSuppressed() throws Exception {
    List<S3Exception> thrown = new ArrayList<>();
    CompletableFuture<String> f = RetryLoop.run(retrier, get, n -> {
      ServiceException e = slowDown();
      synchronized (thrown) {
        thrown.add(e);
      }
      return CompletableFuture.supplyAsync(() -> {
        throw new CompletionException(e);
      });
    }, e -> { }, executor);
    Throwable cause = catchCause(f);
    assertThat(thrown).hasSize(4);
    assertThat(cause).isSameAs(thrown.get(3));
    assertThat(cause.getSuppressed()).containsExactly(thrown.get(0), thrown.get(1), thrown.get(2));
  }

  @Test
  void doesNotRetryWhatIsNotRetryable() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ServiceException noSuchKey = ServiceException.builder(404).errorCode("NoSuchKey").build();
    CompletableFuture<String> f = RetryLoop.run(retrier, get, n -> {
      calls.incrementAndGet();
      return CompletableFuture.failedFuture(noSuchKey);
    }, e -> { }, executor);
    assertThat(catchCause(f)).isSameAs(noSuchKey);
    assertThat(calls).hasValue(1);
    IllegalStateException bug = new IllegalStateException("bug");
    assertThat(catchCause(RetryLoop.run(retrier, get, n -> {
      throw bug;
    }, e -> { }, executor))).isSameAs(bug);
  }

  @Test
  void correctsTheClockOnceForRequestTimeTooSkewed() throws Exception {
    AtomicInteger corrections = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<String> f = RetryLoop.run(retrier, RequestTraits.forMethod("POST", true), n -> {
      calls.incrementAndGet();
      return CompletableFuture.failedFuture(ServiceException.builder(403).errorCode("RequestTimeTooSkewed").build());
    }, e -> corrections.incrementAndGet(), executor);
    assertThat(catchCause(f)).isInstanceOf(ServiceException.class);
    assertThat(corrections).hasValue(1);
    assertThat(calls).hasValue(2);
  }

  @Test
  void refusedStreamOfAPostIsRetried() throws Exception {
    CompletableFuture<String> f = RetryLoop.run(retrier, RequestTraits.forMethod("POST", true), n -> n == 1
        ? CompletableFuture.failedFuture(StreamResetException.rstStream(Http2ErrorCode.REFUSED_STREAM.code(), 1, true, false))
        : CompletableFuture.completedFuture("done"), e -> { }, executor);
    assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("done");
  }

  private static Throwable catchCause(CompletableFuture<?> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the call to fail");
  }
}
