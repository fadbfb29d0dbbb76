package io.s3wire.server.internal.store;

import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;

/** A store that refuses every change with AccessDenied. */
public final class ReadOnlyStore extends ForwardingStore {
  public ReadOnlyStore(ObjectStore delegate) {
    super(delegate);
  }

  @Override
  void before(String operation, boolean mutating) {
    if (mutating) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "The store is read-only");
    }
  }
}
