package io.s3wire.server.internal.store;

import io.s3wire.server.ObjectStore;
import java.io.InterruptedIOException;
import java.time.Duration;

/** A store that waits a fixed latency before every call, to imitate a remote back end. */
public final class LatencyStore extends ForwardingStore {
  private final long nanos;

  public LatencyStore(ObjectStore delegate, Duration latency) {
    super(delegate);
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    this.nanos = latency.toNanos();
  }

  @Override
  void before(String operation, boolean mutating) throws InterruptedIOException {
    try {
      // The latency is the behaviour asked for, not a wait for a condition.
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during injected latency");
    }
  }
}
