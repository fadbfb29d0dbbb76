package io.s3wire.server.crashloop;

import java.util.Objects;

/**
 * What one key may hold after a restart: the state of its last acknowledged write, or, while the
 * write in flight at the kill is undecided, that write's state too ({@link #pending}). Never a third
 * state: S3 writes are atomic. One worker writes a key, so no locking.
 */
final class KeyState {
  private Blob known = Blob.ABSENT;
  private Blob pending;

  Blob known() {
    return known;
  }

  Blob pending() {
    return pending;
  }

  void acknowledged(Blob b) {
    known = Objects.requireNonNull(b);
    pending = null;
  }

  /** The write of {@code b} was in flight at the kill (no answer, or a failure because of it). */
  void inFlight(Blob b) {
    pending = Objects.requireNonNull(b);
  }

  boolean allows(Blob seen) {
    return known.equals(seen) || seen.equals(pending);
  }

  /** After a restart: a read saw {@code seen}, one of the allowed states; it is now the known one. */
  void settle(Blob seen) {
    acknowledged(seen);
  }

  @Override
  public String toString() {
    return pending == null ? known.toString() : known + " or (in flight) " + pending;
  }
}
