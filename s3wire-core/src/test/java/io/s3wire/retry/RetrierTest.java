package io.s3wire.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.ClientException;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetrierTest {
  static final RequestTraits GET = RequestTraits.forMethod("GET", true);
  static final RequestTraits POST = RequestTraits.forMethod("POST", true);
  static final RequestTraits STREAM_PUT = RequestTraits.forMethod("PUT", false);
  static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), null);

  /** Always draws the top of the range, so the delay equals the backoff ceiling. */
  static final RandomGenerator TOP = new RandomGenerator() {
    @Override
    public long nextLong() {
      return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  final Retrier retrier = new Retrier(POLICY, clock, TOP);

  static ServiceException status(int status, String code) {
    return ServiceException.builder(status).errorCode(code).build();
  }

  static RetryDecision.Retry assertRetry(RetryDecision d) {
    assertThat(d).isInstanceOf(RetryDecision.Retry.class);
    assertThat(d.retries()).isTrue();
    return (RetryDecision.Retry) d;
  }

  static void assertNoRetry(RetryDecision d, String reason) {
    assertThat(d).isInstanceOf(RetryDecision.DoNotRetry.class);
    assertThat(d.retries()).isFalse();
    assertThat(d.reason()).isEqualTo(reason);
  }

  @Test
  void serverErrorsAndThrottlingAreRetried() {
    for (int s : new int[] {500, 502, 503, 504, 429}) {
      assertThat(assertRetry(retrier.shouldRetry(status(s, null), 1, GET)).reason()).isEqualTo("HTTP " + s);
    }
    assertThat(assertRetry(retrier.shouldRetry(status(503, "SlowDown"), 1, GET)).reason()).isEqualTo("HTTP 503 SlowDown");
    assertThat(assertRetry(retrier.shouldRetry(status(400, "RequestTimeout"), 1, GET)).reason()).isEqualTo("RequestTimeout");
    assertThat(assertRetry(retrier.shouldRetry(status(200, "InternalError"), 1, GET)).reason()).isEqualTo("InternalError");
  }

  @Test
  void clientSideServiceErrorsAreNotRetried() {
    for (String code : new String[] {"NoSuchKey", "AccessDenied", "SignatureDoesNotMatch", "BucketNotEmpty"}) {
      assertNoRetry(retrier.shouldRetry(status(code.equals("NoSuchKey") ? 404 : 403, code), 1, GET),
          "not a transient failure");
    }
    assertNoRetry(retrier.shouldRetry(status(400, null), 1, GET), "not a transient failure");
  }

  @Test
  void connectionResetBeforeAnyResponseIsRetried() {
    var reset = new TransportException(TransportException.Kind.IO, "Connection reset by peer", RetrySafety.UNKNOWN, null);
    assertThat(assertRetry(retrier.shouldRetry(reset, 1, GET)).reason()).isEqualTo("connection reset before a response");
    var closed = new TransportException(TransportException.Kind.CONNECTION_CLOSED, "closed", RetrySafety.UNKNOWN, null);
    assertThat(assertRetry(retrier.shouldRetry(closed, 1, GET)).reason()).isEqualTo("connection closed before a response");
    var refused = new TransportException(TransportException.Kind.CONNECTION_REFUSED, "refused", RetrySafety.UNPROCESSED, null);
    assertRetry(retrier.shouldRetry(refused, 1, POST));
  }

  @Test
  void connectionCutAfterTheResponseBeganOrPermanentTransportFailuresAreNotRetried() {
    var midBody = new TransportException(TransportException.Kind.CONNECTION_CLOSED, "closed", RetrySafety.PROCESSED, null);
    assertNoRetry(retrier.shouldRetry(midBody, 1, GET), "not a transient failure");
    var tls = new TransportException(TransportException.Kind.UNTRUSTED_CERTIFICATE, "pkix", RetrySafety.UNPROCESSED, null);
    assertNoRetry(retrier.shouldRetry(tls, 1, GET), "not a transient failure");
  }

  @Test
  void refusedStreamIsRetriedEvenForNonIdempotentOperations() {
    var refused = StreamResetException.rstStream(Http2ErrorCode.REFUSED_STREAM.code(), 3, true, false);
    assertThat(assertRetry(retrier.shouldRetry(refused, 1, POST)).reason()).isEqualTo("REFUSED_STREAM");
  }

  @Test
  void goAwayUnprocessedStreamIsRetriedAndACoveredOneOnlyWhenIdempotentAndUnanswered() {
    var above = StreamResetException.goAway(Http2ErrorCode.NO_ERROR.code(), 7, 5, "", false);
    assertThat(assertRetry(retrier.shouldRetry(above, 1, POST)).reason())
        .isEqualTo("GOAWAY(last-stream-id 5) left stream 7 unprocessed");
    var covered = StreamResetException.goAway(Http2ErrorCode.NO_ERROR.code(), 3, 5, "", false);
    assertThat(assertRetry(retrier.shouldRetry(covered, 1, GET)).reason())
        .isEqualTo("GOAWAY(last-stream-id 5) and the connection closed before stream 3 was answered");
    assertNoRetry(retrier.shouldRetry(covered, 1, POST), "GOAWAY(last-stream-id 5) and the connection closed before"
        + " stream 3 was answered, but the operation is not idempotent and the server may have processed it (UNKNOWN)");
    var answered = StreamResetException.goAway(Http2ErrorCode.NO_ERROR.code(), 3, 5, "", true);
    assertNoRetry(retrier.shouldRetry(answered, 1, GET), "not a transient failure");
  }

  @Test
  void protocolErrorResetIsNotRetried() {
    var reset = StreamResetException.rstStream(Http2ErrorCode.PROTOCOL_ERROR.code(), 1, true, false);
    assertNoRetry(retrier.shouldRetry(reset, 1, GET), "not a transient failure");
  }

  @Test
  void internalErrorResetBeforeAResponseIsRetriedLikeA500() {
    var reset = StreamResetException.rstStream(Http2ErrorCode.INTERNAL_ERROR.code(), 1, true, false);
    assertThat(assertRetry(retrier.shouldRetry(reset, 1, GET)).reason())
        .isEqualTo("RST_STREAM(INTERNAL_ERROR) before a response");
    assertNoRetry(retrier.shouldRetry(reset, 1, POST), "RST_STREAM(INTERNAL_ERROR) before a response, but the"
        + " operation is not idempotent and the server may have processed it (UNKNOWN)");
    var afterHeaders = StreamResetException.rstStream(Http2ErrorCode.INTERNAL_ERROR.code(), 1, true, true);
    assertNoRetry(retrier.shouldRetry(afterHeaders, 1, GET), "not a transient failure");
    var ours = StreamResetException.rstStream(Http2ErrorCode.INTERNAL_ERROR.code(), 1, false, false);
    assertNoRetry(retrier.shouldRetry(ours, 1, GET), "not a transient failure");
  }

  @Test
  void throttlingIsRetriedEvenForNonIdempotentOperations() {
    assertThat(assertRetry(retrier.shouldRetry(status(503, "SlowDown"), 1, POST)).reason())
        .isEqualTo("HTTP 503 SlowDown");
    assertRetry(retrier.shouldRetry(status(429, null), 1, POST));
    assertThat(status(503, "SlowDown").retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
    assertThat(status(500, "InternalError").retrySafety()).isEqualTo(RetrySafety.PROCESSED);
  }

  @Test
  void nonReplayableBodyIsNeverRetried() {
    assertNoRetry(retrier.shouldRetry(status(503, "SlowDown"), 1, STREAM_PUT), "the request body cannot be sent again");
    var refused = StreamResetException.rstStream(Http2ErrorCode.REFUSED_STREAM.code(), 1, true, false);
    assertNoRetry(retrier.shouldRetry(refused, 1, STREAM_PUT), "the request body cannot be sent again");
  }

  @Test
  void nonIdempotentOperationIsRetriedOnlyWhenUnprocessed() {
    assertNoRetry(retrier.shouldRetry(status(500, "InternalError"), 1, POST),
        "HTTP 500 InternalError, but the operation is not idempotent and the server may have processed it (PROCESSED)");
    var reset = new TransportException(TransportException.Kind.IO, "reset", RetrySafety.UNKNOWN, null);
    assertNoRetry(retrier.shouldRetry(reset, 1, POST), "connection reset before a response, but the operation is not"
        + " idempotent and the server may have processed it (UNKNOWN)");
    var unsent = new TransportException(TransportException.Kind.IO, "reset", RetrySafety.UNPROCESSED, null);
    assertRetry(retrier.shouldRetry(unsent, 1, POST));
  }

  @Test
  void clientExceptionsAreNeverRetried() {
    assertNoRetry(retrier.shouldRetry(new ClientException("bucket name", "too short"), 1, GET),
        "invalid input; sending it again cannot help");
  }

  @Test
  void attemptsAreBounded() {
    S3Exception e = status(503, "SlowDown");
    for (int attempt = 1; attempt < 5; attempt++) {
      assertRetry(retrier.shouldRetry(e, attempt, GET));
    }
    assertNoRetry(retrier.shouldRetry(e, 5, GET), "attempt 5 of 5 failed");
    assertNoRetry(new Retrier(RetryPolicy.none(), clock, TOP).shouldRetry(e, 1, GET), "attempt 1 of 1 failed");
  }

  @Test
  void backoffIsExponentialWithFullJitterAndCapped() {
    assertThat(POLICY.backoffCeiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(POLICY.backoffCeiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(POLICY.backoffCeiling(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(POLICY.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(POLICY.backoffCeiling(200)).isEqualTo(Duration.ofSeconds(1));
    assertThat(assertRetry(retrier.shouldRetry(status(503, null), 3, GET)).delay()).isEqualTo(Duration.ofMillis(400));

    SplittableRandom random = new SplittableRandom(7);
    long below = 0;
    long above = 0;
    for (int i = 0; i < 2000; i++) {
      Duration d = POLICY.backoff(3, random);
      assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(400));
      if (d.compareTo(Duration.ofMillis(200)) < 0) {
        below++;
      } else {
        above++;
      }
    }
    // Full jitter spreads over the whole range, not around the ceiling.
    assertThat(below).isBetween(800L, 1200L);
    assertThat(above).isBetween(800L, 1200L);
    assertThat(POLICY.backoff(1, new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        return 0;
      }
    })).isEqualTo(Duration.ZERO);
  }

  @Test
  void deadlineStopsRetriesThatWouldPassIt() {
    Retrier r = new Retrier(POLICY.withDeadline(Duration.ofMillis(1000)), clock, TOP);
    Retrier.Call call = r.newCall();
    clock.advance(Duration.ofMillis(850));
    assertRetry(call.onFailure(status(503, null), GET)); // waits 100 ms: ends at 950 ms
    clock.advance(Duration.ofMillis(100));
    assertNoRetry(call.onFailure(status(503, null), GET),
        "HTTP 503, but a retry after 200 ms would pass the call's deadline of 1000 ms");
    assertThat(call.failedAttempts()).isEqualTo(2);
    assertThat(call.elapsed()).isEqualTo(Duration.ofMillis(950));
  }

  @Test
  void requestTimeTooSkewedCorrectsTheClockOnceThenGivesUp() {
    Retrier.Call call = retrier.newCall();
    ServiceException skewed = status(403, "RequestTimeTooSkewed");
    RetryDecision first = call.onFailure(skewed, POST);
    assertThat(first).isInstanceOf(RetryDecision.CorrectClockAndRetry.class);
    assertThat(first.retries()).isTrue();
    assertNoRetry(call.onFailure(skewed, POST), "RequestTimeTooSkewed again after correcting the clock once");
  }

  @Test
  void clockOffsetFromTheServersDate() {
    Instant local = Instant.parse("2026-11-27T12:00:00Z");
    assertThat(ClockSkew.offset("Fri, 27 Nov 2026 12:20:00 GMT", local)).isEqualTo(Duration.ofMinutes(20));
    assertThat(ClockSkew.offset("Fri, 27 Nov 2026 11:45:30 GMT", local)).isEqualTo(Duration.ofSeconds(-870));
    assertThat(ClockSkew.offset("2026-11-27T12:00:05.000Z", local)).isEqualTo(Duration.ofSeconds(5));
    assertThat(ClockSkew.offset("20261127T115959Z", local)).isEqualTo(Duration.ofSeconds(-1));
    assertThat(ClockSkew.fromHeaders(HttpHeaders.of("date", "Fri, 27 Nov 2026 12:00:10 GMT"), local))
        .contains(Duration.ofSeconds(10));
    assertThat(ClockSkew.fromHeaders(HttpHeaders.of("Date", "soon"), local)).isEmpty();
    assertThat(ClockSkew.fromHeaders(HttpHeaders.empty(), local)).isEmpty();
    assertThatThrownBy(() -> ClockSkew.offset("tomorrow", local))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an HTTP date, ISO-8601 instant or x-amz-date: 'tomorrow'");
  }

  @Test
  void traitsFollowTheMethod() {
    assertThat(RequestTraits.forMethod("put", true)).isEqualTo(new RequestTraits(true, true));
    assertThat(RequestTraits.forMethod("DELETE", true).idempotent()).isTrue();
    assertThat(RequestTraits.forMethod("POST", true).idempotent()).isFalse();
  }

  @Test
  void policyRejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, null))
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), null))
        .hasMessage("need 0 <= baseDelay <= maxDelay, was PT2S and PT1S");
    assertThatThrownBy(() -> RetryPolicy.defaults().withDeadline(Duration.ZERO))
        .hasMessage("deadline must be positive, was PT0S");
  }
}
