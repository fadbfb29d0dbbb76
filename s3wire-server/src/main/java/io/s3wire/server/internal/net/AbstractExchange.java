package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.ServerLimits;
import io.s3wire.server.internal.store.ContentReads;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** What both HTTP versions share: the one-response rule, the per-stream deadline and body streaming. */
abstract class AbstractExchange implements Exchange {
  static final int CHUNK = 64 * 1024;
  /**
   * A request body up to this size (by its declared length) is read off the connection as it
   * arrives instead of on the worker's demand, so a small PUT costs no hand-off to the event loop
   * and back; the bytes held per request stay bounded by it.
   */
  static final long READ_AHEAD_BYTES = 64 * 1024;

  final Channel channel;
  final WritabilityGate gate;
  final ServerLimits limits;
  final RequestBodyStream body;
  private final AtomicBoolean answered = new AtomicBoolean();
  private volatile boolean finished;
  private ScheduledFuture<?> deadline;
  /** Guards {@link #streamer} and {@link #deadlinePassed}: the deadline interrupts only a thread still in stream(). */
  private final Object streaming = new Object();
  private Thread streamer;
  private boolean deadlinePassed;
  private volatile long streamLength = -1;
  private volatile long streamSent;

  AbstractExchange(Channel channel, WritabilityGate gate, ServerLimits limits) {
    this.channel = channel;
    this.gate = gate;
    this.limits = limits;
    this.body = new RequestBodyStream(this::demand, limits.readTimeout().toNanos(), limits.maxRequestBodyBytes());
  }

  private volatile boolean continueSent;

  /** Asks the channel for one more read of request bytes; first answers {@code Expect: 100-continue}. */
  private void demand() {
    channel.eventLoop().execute(() -> {
      if (expectsContinue() && !continueSent) {
        continueSent = true;
        sendContinue();
      }
      channel.read();
    });
  }

  /** Whether the client waits for {@code 100 Continue} before sending its body. */
  abstract boolean expectsContinue();

  /** Writes the interim {@code 100 Continue} response. Called on the event loop. */
  abstract void sendContinue();

  @Override
  public boolean awaitingContinue() {
    return expectsContinue() && !continueSent && !body.isComplete();
  }

  @Override
  public boolean smallBodyAfterContinue() {
    return awaitingContinue() && smallBody();
  }

  /** Whether the request declares a body of at most {@link #READ_AHEAD_BYTES}, in a form known in advance. */
  abstract boolean smallBody();

  @Override
  public void continueAndReadAhead(Runnable then) {
    continueSent = true;
    sendContinue();
    readAheadThen(then);
  }

  /** Reads the body as it arrives and runs {@code then} as {@link #continueAndReadAhead} says. On the event loop. */
  abstract void readAheadThen(Runnable then);

  /**
   * Starts the per-stream deadline. Past it the stream is cancelled (HTTP/2) or the connection
   * closed, with one log line, and a worker still sending the response is interrupted so that a
   * store read that blocks lets go of it.
   */
  void startDeadline() {
    deadline = channel.eventLoop().schedule(() -> {
      if (!finished) {
        ServerLog.abuse(describe(), "exceeded the stream deadline of " + limits.streamDeadline() + progress()
            + "; cut");
        onDeadline();
        interruptStreamer();
      }
    }, limits.streamDeadline().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Where a streamed response stands, for the deadline's log line; empty before one started. */
  private String progress() {
    long length = streamLength;
    return length < 0 ? "" : " (response at " + streamSent + " of " + length + " bytes)";
  }

  private void interruptStreamer() {
    synchronized (streaming) {
      deadlinePassed = true;
      if (streamer != null) {
        streamer.interrupt();
      }
    }
  }

  abstract void onDeadline();

  /** Ends a response that cannot be completed: closes the HTTP/1.1 connection, resets the HTTP/2 stream. */
  abstract void abortResponse();

  /** Claims the right to answer; false when the exchange was already answered. */
  final boolean claim() {
    return answered.compareAndSet(false, true);
  }

  /** The response is fully handed over (or the exchange is over for another reason). */
  void finish() {
    finished = true;
    body.close();
    ScheduledFuture<?> d = deadline;
    if (d != null) {
      d.cancel(false);
    }
  }

  @Override
  public boolean isDone() {
    return finished || answered.get();
  }

  @Override
  public RequestBodyStream body() {
    return body;
  }

  /** Writes the response head; {@code endOfResponse} when no body follows. */
  abstract ChannelFuture writeHead(HttpResponseStatus status, HttpHeaders headers, boolean endOfResponse);

  /** Writes a body chunk (ownership passes); {@code last} ends the response. */
  abstract ChannelFuture writeChunk(ByteBuf chunk, boolean last);

  /** Sends the body without copying when the protocol allows; false to fall back to chunks. */
  boolean tryZeroCopy(HttpResponseStatus status, HttpHeaders headers, ObjectContent content) throws IOException {
    return false;
  }

  /** Called once the last byte of the response was written (or failed). */
  abstract void onResponseWritten(ChannelFuture last);

  @Override
  public void stream(HttpResponseStatus status, HttpHeaders headers, ObjectContent content, ResponseShaping shaping)
      throws IOException {
    boolean handedOff = false;
    // On the event loop (a small body from memory) nothing waits: the connection takes the whole
    // body at once, and the deadline, which runs on the same loop, cannot fire meanwhile.
    boolean onLoop = channel.eventLoop().inEventLoop();
    if (!onLoop) {
      synchronized (streaming) {
        streamer = Thread.currentThread();
      }
    }
    try {
      if (!claim()) {
        return;
      }
      headers.set(HttpHeaderNames.CONTENT_LENGTH, content.length());
      if (shaping.isNone() && content.file() != null && tryZeroCopy(status, headers, content)) {
        // The file region now owns the file and closes it when sent.
        handedOff = true;
        return;
      }
      ChannelFuture last = writeHead(status, headers, content.length() == 0);
      long remaining = content.length();
      long sent = 0;
      long started = System.nanoTime();
      streamLength = remaining;
      while (remaining > 0) {
        if (finished) {
          // Deadline, reset or closed connection: nobody takes the rest.
          throw new IOException("the exchange ended after " + sent + " of " + content.length() + " response bytes");
        }
        if (!onLoop) {
          gate.await(channel, limits.writeTimeout().toNanos());
        }
        int n = (int) Math.min(CHUNK, remaining);
        if (shaping.cutAfterBytes() >= 0) {
          n = (int) Math.min(n, shaping.cutAfterBytes() - sent);
          if (n <= 0) {
            channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER);
            closeConnection();
            throw new IOException("fault rule cut the response after " + sent + " bytes");
          }
        }
        ByteBuf buf = channel.alloc().directBuffer(n);
        try {
          ContentReads.readFully(content, buf.nioBuffer(0, n), sent);
          buf.writerIndex(n);
        } catch (IOException | RuntimeException e) {
          buf.release();
          throw e;
        }
        remaining -= n;
        sent += n;
        streamSent = sent;
        last = writeChunk(buf, remaining == 0);
        if (shaping.bytesPerSecond() > 0) {
          Pacing.pace(started, sent, shaping.bytesPerSecond());
        }
      }
      onResponseWritten(last);
    } catch (IOException | RuntimeException e) {
      if (e instanceof WritabilityGate.WriteTimeoutException) {
        ServerLog.abuse(describe(), "client stopped reading the response for " + limits.writeTimeout() + "; cut");
      } else if (e instanceof ContentReads.StalledContentException) {
        ServerLog.error(describe() + ": response cut", e);
      }
      // The head may be out already: no error answer is possible, only ending the response early.
      abortResponse();
      finish();
      throw e;
    } finally {
      synchronized (streaming) {
        streamer = null;
        if (deadlinePassed) {
          // The deadline's interrupt belongs to this response, not to the worker's next task.
          Thread.interrupted();
        }
      }
      if (!handedOff) {
        content.close();
      }
    }
  }
}
