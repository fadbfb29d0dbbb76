package io.s3wire.server.internal.store;

import io.s3wire.server.ObjectInfo;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Maps an ordered iterator to ObjectInfo and stops at the first key outside {@code prefix}. */
final class PrefixIterator<T> implements Iterator<ObjectInfo> {
  private final Iterator<T> source;
  private final String prefix;
  private final Function<T, ObjectInfo> map;
  private ObjectInfo next;
  private boolean done;

  PrefixIterator(Iterator<T> source, String prefix, Function<T, ObjectInfo> map) {
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
    ObjectInfo candidate = map.apply(source.next());
    if (!candidate.key().startsWith(prefix)) {
      done = true;
      return false;
    }
    next = candidate;
    return true;
  }

  @Override
  public ObjectInfo next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ObjectInfo out = next;
    next = null;
    return out;
  }
}
