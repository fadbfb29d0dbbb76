package io.s3wire.http.internal;

/**
 * A connection that carries many calls at once as streams (HTTP/2, HTTP/3). The {@link OriginPool}
 * counts the streams it put on each and spreads calls by that count.
 */
abstract class MultiplexedConnection implements PooledConnection {
  /** Streams the pool has put on this connection and not yet seen end; guarded by the pool's lock. */
  int active;

  /** How many streams the peer lets this connection have open at once. */
  abstract int maxConcurrentStreams();
}
