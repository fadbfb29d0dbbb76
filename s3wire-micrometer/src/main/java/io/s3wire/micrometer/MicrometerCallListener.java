package io.s3wire.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.s3wire.metrics.AttemptEnd;
import io.s3wire.metrics.CallEnd;
import io.s3wire.metrics.CallListener;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records an s3wire client's calls in a Micrometer registry; give it to {@code
 * S3ClientBuilder.callListener}. Meters, each tagged with the S3 {@code operation} (and the tags
 * given here):
 *
 * <ul>
 *   <li>{@value #CALLS} — a timer per operation and {@code outcome} ({@code SUCCESS}, {@code
 *       CLIENT_ERROR}, {@code SERVER_ERROR}, {@code CANCELLED}, {@code FAILED}): from a call's start
 *       to its response head, retries included;
 *   <li>{@value #RETRIES} — attempts after the first;
 *   <li>{@value #FALLBACKS} — attempts that fell back from HTTP/2 to HTTP/1.1;
 *   <li>{@value #BYTES_SENT} and {@value #BYTES_RECEIVED} — request body lengths of every attempt and
 *       announced response body lengths ({@code Content-Length}), in bytes.
 * </ul>
 *
 * <p>Thread-safe and cheap per call: meters are looked up once per operation and kept.
 */
public final class MicrometerCallListener implements CallListener {
  /** The call timer's name. */
  public static final String CALLS = "s3wire.calls";
  /** The retry counter's name. */
  public static final String RETRIES = "s3wire.retries";
  /** The HTTP/2 to HTTP/1.1 fallback counter's name. */
  public static final String FALLBACKS = "s3wire.fallbacks";
  /** The sent bytes counter's name. */
  public static final String BYTES_SENT = "s3wire.bytes.sent";
  /** The received bytes counter's name. */
  public static final String BYTES_RECEIVED = "s3wire.bytes.received";

  private final MeterRegistry registry;
  private final Tags common;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

  private MicrometerCallListener(MeterRegistry registry, Tags common) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.common = common;
  }

  /** A listener recording in {@code registry}. */
  public static MicrometerCallListener create(MeterRegistry registry) {
    return new MicrometerCallListener(registry, Tags.empty());
  }

  /** A listener recording in {@code registry}, every meter with {@code tags} too (e.g. the endpoint's name). */
  public static MicrometerCallListener create(MeterRegistry registry, Iterable<Tag> tags) {
    return new MicrometerCallListener(registry, Tags.of(tags));
  }

  @Override
  public void onAttempt(AttemptEnd attempt) {
    String op = attempt.operation();
    if (attempt.isRetry()) {
      counter(RETRIES, op, "Attempts of S3 calls after the first").increment();
    }
    if (attempt.fellBack()) {
      counter(FALLBACKS, op, "Attempts that fell back from HTTP/2 to HTTP/1.1").increment();
    }
    if (attempt.bytesSent() > 0) {
      counter(BYTES_SENT, op, "Request body bytes sent by S3 calls, every attempt").increment(attempt.bytesSent());
    }
    if (attempt.bytesReceived() > 0) {
      counter(BYTES_RECEIVED, op, "Response body bytes announced to S3 calls").increment(attempt.bytesReceived());
    }
  }

  @Override
  public void onCallEnd(CallEnd call) {
    String outcome = call.outcome();
    timers.computeIfAbsent(call.operation() + ' ' + outcome, k -> Timer.builder(CALLS)
            .description("S3 calls, from start to response head, retries included")
            .tags(common).tag("operation", call.operation()).tag("outcome", outcome)
            .register(registry))
        .record(call.duration());
  }

  private Counter counter(String name, String operation, String description) {
    return counters.computeIfAbsent(name + ' ' + operation, k -> Counter.builder(name)
        .description(description).baseUnit(name.startsWith("s3wire.bytes") ? "bytes" : null)
        .tags(common).tag("operation", operation)
        .register(registry));
  }
}
