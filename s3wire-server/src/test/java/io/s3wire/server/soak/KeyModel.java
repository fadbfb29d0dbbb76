package io.s3wire.server.soak;

import java.util.HashSet;
import java.util.Set;

/**
 * What one key may hold, as far as the client was told: after an acknowledged write exactly one
 * state; after a write that failed, the state before or the state the write asked for (S3 writes
 * are atomic, so nothing else). {@link #ABSENT} stands for "no object".
 *
 * <p>Each key has one writer (the worker that owns it), so no locking.
 */
final class KeyModel {
  static final Content ABSENT = new Content(0, -1);

  private final Set<Content> possible = new HashSet<>(Set.of(ABSENT));

  /** The one state the key is known to hold, or {@code null} while the last write's fate is open. */
  Content known() {
    return possible.size() == 1 ? possible.iterator().next() : null;
  }

  Set<Content> possible() {
    return Set.copyOf(possible);
  }

  void acknowledged(Content c) {
    possible.clear();
    possible.add(c);
  }

  void failed(Content attempted) {
    possible.add(attempted);
  }

  /** A copy from a key whose state may be any of {@code source}. */
  void copied(Set<Content> source, boolean acknowledged) {
    if (acknowledged) {
      possible.clear();
    }
    possible.addAll(source);
  }

  /** A read saw {@code c}; answers whether that was a state the key may hold, and settles on it if so. */
  boolean observed(Content c) {
    if (!possible.contains(c)) {
      return false;
    }
    acknowledged(c);
    return true;
  }
}
