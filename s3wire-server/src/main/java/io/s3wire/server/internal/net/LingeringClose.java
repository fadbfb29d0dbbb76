package io.s3wire.server.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP/1.1 connection whose request body was not read to its end, the way nginx's
 * {@code lingering_close} and Apache's lingering close do: the response is out, the output is shut
 * (FIN, on plain TCP), and what the client still sends is read and discarded until it ends its side,
 * falls quiet for {@link #QUIET_MILLIS}, sends more than its budget or {@link #MAX_MILLIS} pass; only
 * then is the socket closed. Closing at once, with bytes still unread in the receive buffer, makes
 * the kernel send RST, which can destroy the response at the client before it read it (a client
 * then sees a connection closed before the response and may replay the request).
 *
 * <p>Used on the event loop only. Over TLS the output is not shut (a FIN without close_notify reads
 * as a truncation attack to some clients); the response's {@code Connection: close} ends it there.
 */
final class LingeringClose {
  /** Reading ends after this long without a byte from the client. */
  static final long QUIET_MILLIS = 2_000;
  /** Reading ends after this long in any case. */
  static final long MAX_MILLIS = 10_000;
  /** At most this many bytes are read and discarded, whatever the request declared. */
  static final long MAX_BYTES = 64L << 20;

  private final Channel channel;
  private final long started;
  private long budget;
  private long lastRead;

  private LingeringClose(Channel channel, long budget) {
    this.channel = channel;
    this.budget = budget;
    this.started = System.nanoTime();
    this.lastRead = started;
  }

  /**
   * Starts lingering on {@code channel}, whose response is written: reading resumes and every byte
   * read must be passed to {@link #discard}.
   *
   * @param unread how many request bytes may still come (the rest of the declared body), or -1 when
   *     the request did not say; capped at {@link #MAX_BYTES}
   */
  static LingeringClose start(Channel channel, long unread) {
    LingeringClose l = new LingeringClose(channel, unread < 0 ? MAX_BYTES : Math.min(unread, MAX_BYTES));
    if (l.budget == 0) {
      channel.close();
      return l;
    }
    if (channel instanceof DuplexChannel duplex && channel.pipeline().get(SslHandler.class) == null) {
      duplex.shutdownOutput();
    }
    l.schedule(QUIET_MILLIS);
    channel.config().setAutoRead(true);
    channel.read();
    return l;
  }

  /** Counts {@code bytes} read and discarded; closes once the budget is spent. */
  void discard(int bytes) {
    budget -= bytes;
    lastRead = System.nanoTime();
    if (budget <= 0) {
      channel.close();
    }
  }

  private void schedule(long millis) {
    channel.eventLoop().schedule(this::check, millis, TimeUnit.MILLISECONDS);
  }

  private void check() {
    if (!channel.isOpen()) {
      return;
    }
    long now = System.nanoTime();
    long quietLeft = QUIET_MILLIS - TimeUnit.NANOSECONDS.toMillis(now - lastRead);
    long totalLeft = MAX_MILLIS - TimeUnit.NANOSECONDS.toMillis(now - started);
    if (quietLeft <= 0 || totalLeft <= 0) {
      channel.close();
    } else {
      schedule(Math.min(quietLeft, totalLeft));
    }
  }
}
