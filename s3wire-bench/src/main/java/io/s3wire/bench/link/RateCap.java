package io.s3wire.bench.link;

/**
 * The bandwidth cap of one direction of a delay relay: when each piece of data may leave, given the
 * pieces ahead of it, at {@code bytesPerSecond} (0: no cap, everything leaves on arrival). Not
 * thread-safe: each direction owns one, on its event loop.
 */
final class RateCap {
  private final long bytesPerSecond;
  private long linkFreeAtNanos;

  RateCap(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** When {@code bytes} arriving at {@code nowNanos} have left, the link then busy with them until that time. */
  long departure(long nowNanos, long bytes) {
    if (bytesPerSecond <= 0) {
      return nowNanos;
    }
    linkFreeAtNanos = Math.max(nowNanos, linkFreeAtNanos) + bytes * 1_000_000_000L / bytesPerSecond;
    return linkFreeAtNanos;
  }
}
