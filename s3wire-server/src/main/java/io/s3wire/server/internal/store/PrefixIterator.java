package io.s3wire.server.internal.store;

import io.s3wire.server.StoredObject;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Maps an ordered iterator to StoredObject and stops at the first key outside {@code prefix}. */
final class PrefixIterator<T> implements Iterator<StoredObject> {
  private final Iterator<T> source;
  private final String prefix;
  private final Function<T, StoredObject> map;
  private StoredObject next;
  private boolean done;

  PrefixIterator(Iterator<T> source, String prefix, Function<T, StoredObject> map) {
    this.source = source;
    this.prefix = prefix;
    this.map = map;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done || !source.hasNext()) {
      return false;
    }
    StoredObject candidate = map.apply(source.next());
    if (!candidate.key().startsWith(prefix)) {
      done = true;
      return false;
    }
    next = candidate;
    return true;
  }

  @Override
  public StoredObject next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StoredObject out = next;
    next = null;
    return out;
  }
}
