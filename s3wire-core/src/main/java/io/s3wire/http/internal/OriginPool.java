package io.s3wire.http.internal;

import io.s3wire.error.S3Exception;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TransportConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The connections to one origin and the calls waiting for one.
 *
 * <p>HTTP/1.1: up to {@code maxConnectionsPerOrigin} connections, idle ones reused (most recent
 * first) and evicted after {@code poolIdleTimeout}. HTTP/2: up to {@code http2ConnectionsPerOrigin}
 * connections; a call takes a connection with no active stream, else opens another while below the
 * limit (spreading bulk transfers over connections, hence cores), else shares the least loaded one
 * below its SETTINGS_MAX_CONCURRENT_STREAMS, else waits. HTTP/3: the same, with one QUIC connection
 * per origin and the peer's stream limit. When only ALPN can tell the version
 * (NEGOTIATE over TLS), one connection is opened first and the others wait for its answer.
 *
 * <p>One lock guards the state; connection work runs outside it.
 */
final class OriginPool {
  /** Opens connections; completes through {@link #connected} or {@link #connectFailed}. */
  interface Opener {
    void open(OriginPool pool, HttpProtocol expected, Call opener);
  }

  private final Origin origin;
  private final TransportConfig config;
  private final Opener opener;
  private final ArrayDeque<Call> waiters = new ArrayDeque<>();
  private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();
  private final List<MultiplexedConnection> h2 = new ArrayList<>();
  private HttpProtocol known;
  private int h1Total;
  private int h1Connecting;
  private int h2Connecting;
  private int probing;
  private boolean closed;

  OriginPool(Origin origin, TransportConfig config, HttpProtocol known, Opener opener) {
    this.origin = origin;
    this.config = config;
    this.known = known;
    this.opener = opener;
  }

  Origin origin() {
    return origin;
  }

  void acquire(Call call) {
    synchronized (this) {
      waiters.add(call);
    }
    dispatch();
  }

  /** A call whose connection turned out unusable goes back to the head of the queue. */
  void requeue(Call call) {
    synchronized (this) {
      waiters.addFirst(call);
    }
    dispatch();
  }

  void connected(PooledConnection c, HttpProtocol expected) {
    synchronized (this) {
      if (expected == null) {
        probing--;
      } else if (expected == HttpProtocol.HTTP_1_1) {
        h1Connecting--;
      } else {
        h2Connecting--;
      }
      known = c.info().protocol();
      if (closed || !c.isUsable()) {
        c.close(closed ? "transport closed" : "closed before use");
        return;
      }
      if (c instanceof Http1Connection h) {
        h1Total++;
        h.pooled = true;
        idle.push(h);
      } else {
        h2.add((MultiplexedConnection) c);
      }
    }
    dispatch();
  }

  /** A connection attempt failed: its first waiter gets the failure; all do when nothing else can serve them. */
  void connectFailed(HttpProtocol expected, S3Exception failure) {
    List<Call> failed = new ArrayList<>();
    synchronized (this) {
      if (expected == null) {
        probing--;
      } else if (expected == HttpProtocol.HTTP_1_1) {
        h1Connecting--;
      } else {
        h2Connecting--;
      }
      boolean nothingLeft = h1Total == 0 && h2.isEmpty() && h1Connecting == 0 && h2Connecting == 0 && probing == 0;
      while (!waiters.isEmpty() && (failed.isEmpty() || nothingLeft)) {
        failed.add(waiters.poll());
      }
    }
    for (int i = 0; i < failed.size(); i++) {
      failed.get(i).fail(i == 0 ? failure : Call.copy(failure), null);
    }
    dispatch();
  }

  /** An HTTP/1.1 exchange ended cleanly: the connection may serve the next call. */
  void release(Http1Connection c) {
    Call next = null;
    synchronized (this) {
      if (!closed && c.isUsable()) {
        while (!waiters.isEmpty() && next == null) {
          Call w = waiters.poll();
          if (!w.isDone()) {
            next = w;
          }
        }
        if (next == null) {
          idle.push(c);
        }
      }
    }
    if (next != null) {
      c.start(next);
    } else if (c.isUsable() && !closed) {
      c.idle(config.poolIdleTimeout().toMillis());
    } else {
      c.close(closed ? "transport closed" : "connection not reusable");
    }
  }

  void evict(Http1Connection c) {
    boolean removed;
    synchronized (this) {
      removed = idle.remove(c);
    }
    if (removed) {
      c.close("idle for " + config.poolIdleTimeout().toMillis() + " ms in the pool");
    }
  }

  /** A connection closed. */
  void remove(PooledConnection c) {
    synchronized (this) {
      if (c instanceof Http1Connection h) {
        idle.remove(h);
        if (h.pooled) {
          h.pooled = false;
          h1Total--;
        }
      } else if (h2.remove(c)) {
        ((MultiplexedConnection) c).active = 0;
      }
    }
    dispatch();
  }

  void streamEnded(MultiplexedConnection c) {
    synchronized (this) {
      c.active--;
    }
    dispatch();
  }

  void draining(MultiplexedConnection c) {
    synchronized (this) {
      h2.remove(c);
    }
    dispatch();
  }

  void capacityChanged() {
    dispatch();
  }

  /** Counts for tests and diagnostics: open HTTP/1.1 connections, idle ones, HTTP/2 connections, waiting calls. */
  synchronized int[] counts() {
    return new int[] {h1Total, idle.size(), h2.size(), waiters.size()};
  }

  List<PooledConnection> closeAll() {
    List<PooledConnection> all = new ArrayList<>();
    List<Call> waiting;
    synchronized (this) {
      closed = true;
      all.addAll(idle);
      all.addAll(h2);
      idle.clear();
      waiting = new ArrayList<>(waiters);
      waiters.clear();
    }
    for (Call w : waiting) {
      w.fail(new io.s3wire.error.TransportException(io.s3wire.error.TransportException.Kind.CANCELLED,
          "the transport was closed", io.s3wire.error.RetrySafety.UNPROCESSED, null), null);
    }
    return all;
  }

  /** Matches waiting calls with connections, opening new ones where the limits allow. */
  private void dispatch() {
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      waiters.removeIf(Call::isDone);
      if (known == null) {
        if (!waiters.isEmpty() && probing == 0) {
          probing++;
          Call first = waiters.peek();
          actions.add(() -> opener.open(this, null, first));
        }
      } else if (known == HttpProtocol.HTTP_1_1) {
        dispatchHttp1(actions);
      } else {
        dispatchHttp2(actions);
      }
    }
    for (Runnable r : actions) {
      r.run();
    }
  }

  private void dispatchHttp1(List<Runnable> actions) {
    int covered = h1Connecting;
    for (Iterator<Call> it = waiters.iterator(); it.hasNext(); ) {
      Call call = it.next();
      Http1Connection c = pollUsableIdle();
      if (c != null) {
        it.remove();
        actions.add(() -> c.start(call));
      } else if (covered > 0) {
        covered--;
      } else if (h1Total + h1Connecting < config.maxConnectionsPerOrigin()) {
        h1Connecting++;
        actions.add(() -> opener.open(this, HttpProtocol.HTTP_1_1, call));
      } else {
        return;
      }
    }
  }

  private Http1Connection pollUsableIdle() {
    Http1Connection c;
    while ((c = idle.poll()) != null) {
      if (c.isUsable()) {
        return c;
      }
    }
    return null;
  }

  private void dispatchHttp2(List<Runnable> actions) {
    int covered = h2Connecting;
    for (Iterator<Call> it = waiters.iterator(); it.hasNext(); ) {
      Call call = it.next();
      MultiplexedConnection best = null;
      for (MultiplexedConnection c : h2) {
        if (c.isUsable() && c.active < c.maxConcurrentStreams() && (best == null || c.active < best.active)) {
          best = c;
        }
      }
      // HTTP/3: one QUIC connection per origin carries every stream.
      int limit = known == HttpProtocol.HTTP_3 ? 1 : config.http2ConnectionsPerOrigin();
      boolean canOpen = h2.size() + h2Connecting < limit;
      if (best != null && (best.active == 0 || (covered == 0 && !canOpen))) {
        MultiplexedConnection chosen = best;
        chosen.active++;
        it.remove();
        actions.add(() -> chosen.start(call));
      } else if (covered > 0) {
        covered--;
      } else if (canOpen) {
        h2Connecting++;
        HttpProtocol expected = known;
        actions.add(() -> opener.open(this, expected, call));
      } else {
        return;
      }
    }
  }
}
