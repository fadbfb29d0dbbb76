package io.s3wire.server.internal.store;

import io.s3wire.server.ObjectStore;
import java.io.IOException;
import java.util.function.Predicate;

/** A store whose calls fail with an IOException when their operation name matches, to test error paths. */
public final class FaultyStore extends ForwardingStore {
  private final Predicate<String> failing;

  public FaultyStore(ObjectStore delegate, Predicate<String> failing) {
    super(delegate);
    this.failing = failing;
  }

  @Override
  void before(String operation, boolean mutating) throws IOException {
    if (failing.test(operation)) {
      throw new IOException("injected store fault in " + operation);
    }
  }
}
