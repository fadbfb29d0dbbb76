package io.s3wire.http.internal;

/** A connection an {@link OriginPool} hands calls to. */
interface PooledConnection {
  ConnectionInfo info();

  /** Whether new calls may be started on it (open, not draining after GOAWAY or a failure). */
  boolean isUsable();

  /** Runs {@code call}'s exchange on this connection; returns at once, the work runs on the event loop. */
  void start(Call call);

  /** Closes the connection, recording {@code reason} for the ConnectionClosed event. */
  void close(String reason);
}
