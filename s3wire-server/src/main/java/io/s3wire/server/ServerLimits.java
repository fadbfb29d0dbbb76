package io.s3wire.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit the server enforces, each named and set explicitly (Netty's own defaults have changed
 * between releases, so none is left to them).
 *
 * @param maxConcurrentStreams HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS
 * @param maxHeaderListSize HTTP/2 SETTINGS_MAX_HEADER_LIST_SIZE in bytes; larger header blocks are refused
 * @param initialWindowSize HTTP/2 SETTINGS_INITIAL_WINDOW_SIZE for request bodies (bytes buffered per stream; the
 *     connection is granted twice this beyond the protocol's 65,535, which bounds what one connection buffers). One
 *     upload stream moves at most about this much per round trip: 4 MiB by default, over 100 MiB/s at 25 ms
 * @param maxFrameSize HTTP/2 SETTINGS_MAX_FRAME_SIZE
 * @param maxReceivedRstFrames RST_STREAM frames a client may send per {@code rstWindow} (rapid reset) before GOAWAY(ENHANCE_YOUR_CALM)
 * @param maxSentRstFrames RST_STREAM frames the server sends per {@code rstWindow} before it closes the connection (MadeYouReset)
 * @param rstWindow the window for both RST limits
 * @param maxSmallContinuationFrames small CONTINUATION frames per header block (CONTINUATION flood)
 * @param maxConsecutiveEmptyDataFrames empty DATA frames without end-of-stream in a row
 * @param maxQueuedControlFrames control frames (SETTINGS ack, PING ack, RST) queued for a client that does not read
 * @param maxRequestBodyBytes the largest request body (S3's single PUT limit is 5 GiB)
 * @param maxInitialLineLength HTTP/1.1 request line length
 * @param maxHeaderSize HTTP/1.1 header section size
 * @param readTimeout how long a request body may stall before the request ends with RequestTimeout
 * @param writeTimeout how long the client may stop reading (full socket, zero HTTP/2 window) before the response is cut
 * @param idleTimeout how long a connection may carry no bytes at all before it is closed, quietly (the
 *     keep-alive timeout of an HTTP/1.1 connection waiting for its next request)
 * @param requestHeadTimeout how long an HTTP/1.1 client may take from the first byte of a request head
 *     to its end before the connection is closed as slowloris
 * @param streamDeadline the longest one request may take from its head to the end of its response; past it
 *     the response is cut (connection closed, HTTP/2 stream cancelled) with one log line, and a worker
 *     blocked reading the store for it is interrupted
 * @param gracefulShutdownTimeout how long an HTTP/2 connection being closed waits for its GOAWAY to be
 *     written (a client that does not read never takes it)
 */
public record ServerLimits(
    int maxConcurrentStreams,
    long maxHeaderListSize,
    int initialWindowSize,
    int maxFrameSize,
    int maxReceivedRstFrames,
    int maxSentRstFrames,
    Duration rstWindow,
    int maxSmallContinuationFrames,
    int maxConsecutiveEmptyDataFrames,
    int maxQueuedControlFrames,
    long maxRequestBodyBytes,
    int maxInitialLineLength,
    int maxHeaderSize,
    Duration readTimeout,
    Duration writeTimeout,
    Duration idleTimeout,
    Duration requestHeadTimeout,
    Duration streamDeadline,
    Duration gracefulShutdownTimeout) {

  /**
   * Checks the limits: every duration given, every count and size positive, HTTP/2's window and frame
   * size within what RFC 9113 allows.
   *
   * @param maxConcurrentStreams streams at once per HTTP/2 connection, positive
   * @param maxHeaderListSize bytes of one decoded header block, positive
   * @param initialWindowSize bytes a request stream may have in flight, at least 65,535
   * @param maxFrameSize the largest frame accepted, 16,384 to 16,777,215
   * @param maxReceivedRstFrames resets a client may send per window, positive
   * @param maxSentRstFrames resets the server may send per window, positive
   * @param rstWindow the window both reset counts run over
   * @param maxSmallContinuationFrames small CONTINUATION frames per header block, positive
   * @param maxConsecutiveEmptyDataFrames empty DATA frames in a row, positive
   * @param maxQueuedControlFrames control frames queued for an unread client, positive
   * @param maxRequestBodyBytes bytes of one request body, positive
   * @param maxInitialLineLength bytes of an HTTP/1.1 request line
   * @param maxHeaderSize bytes of an HTTP/1.1 header section
   * @param readTimeout the longest stall of a request body
   * @param writeTimeout the longest stall of a client reading a response
   * @param idleTimeout the longest silence of a connection
   * @param requestHeadTimeout the longest an HTTP/1.1 request head may take to arrive
   * @param streamDeadline the longest one request may take, end to end
   * @param gracefulShutdownTimeout the longest wait for a closing connection's GOAWAY
   * @throws NullPointerException when a duration is {@code null}
   * @throws IllegalArgumentException when a count or size is out of range
   */
  public ServerLimits {
    Objects.requireNonNull(gracefulShutdownTimeout, "gracefulShutdownTimeout");
    Objects.requireNonNull(rstWindow, "rstWindow");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(requestHeadTimeout, "requestHeadTimeout");
    Objects.requireNonNull(streamDeadline, "streamDeadline");
    positive("maxConcurrentStreams", maxConcurrentStreams);
    positive("maxHeaderListSize", maxHeaderListSize);
    positive("maxReceivedRstFrames", maxReceivedRstFrames);
    positive("maxSentRstFrames", maxSentRstFrames);
    positive("maxSmallContinuationFrames", maxSmallContinuationFrames);
    positive("maxConsecutiveEmptyDataFrames", maxConsecutiveEmptyDataFrames);
    positive("maxQueuedControlFrames", maxQueuedControlFrames);
    positive("maxRequestBodyBytes", maxRequestBodyBytes);
    if (initialWindowSize < 65_535 || maxFrameSize < 16_384 || maxFrameSize > 16_777_215) {
      throw new IllegalArgumentException("initialWindowSize must be >= 65535 and maxFrameSize within 16384..16777215");
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** {@return the defaults} Generous for 1 GiB transfers and benchmarks, strict against abuse. */
  public static ServerLimits defaults() {
    return new ServerLimits(
        128,
        64 * 1024,
        4 << 20,
        64 * 1024,
        200,
        200,
        Duration.ofSeconds(30),
        16,
        2,
        10_000,
        5L << 30,
        16 * 1024,
        64 * 1024,
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        Duration.ofSeconds(2));
  }

  /**
   * These limits with other timeouts; the other limits stay.
   *
   * @param read the new {@link #readTimeout}
   * @param write the new {@link #writeTimeout}
   * @param idle the new {@link #idleTimeout}
   * @param requestHead the new {@link #requestHeadTimeout}
   * @param deadline the new {@link #streamDeadline}
   * @return the changed limits
   */
  public ServerLimits withTimeouts(Duration read, Duration write, Duration idle, Duration requestHead, Duration deadline) {
    return new ServerLimits(maxConcurrentStreams, maxHeaderListSize, initialWindowSize, maxFrameSize,
        maxReceivedRstFrames, maxSentRstFrames, rstWindow, maxSmallContinuationFrames, maxConsecutiveEmptyDataFrames,
        maxQueuedControlFrames, maxRequestBodyBytes, maxInitialLineLength, maxHeaderSize, read, write, idle,
        requestHead, deadline, gracefulShutdownTimeout);
  }

  /**
   * These limits with another largest request body; the other limits stay.
   *
   * @param bytes the new {@link #maxRequestBodyBytes}, positive
   * @return the changed limits
   * @throws IllegalArgumentException when {@code bytes} is not positive
   */
  public ServerLimits withMaxRequestBodyBytes(long bytes) {
    return new ServerLimits(maxConcurrentStreams, maxHeaderListSize, initialWindowSize, maxFrameSize,
        maxReceivedRstFrames, maxSentRstFrames, rstWindow, maxSmallContinuationFrames, maxConsecutiveEmptyDataFrames,
        maxQueuedControlFrames, bytes, maxInitialLineLength, maxHeaderSize, readTimeout, writeTimeout, idleTimeout,
        requestHeadTimeout, streamDeadline, gracefulShutdownTimeout);
  }

  /**
   * These limits with other HTTP/2 abuse limits; the other limits stay.
   *
   * @param concurrentStreams the new {@link #maxConcurrentStreams}
   * @param headerListSize the new {@link #maxHeaderListSize}, in bytes
   * @param receivedRst the new {@link #maxReceivedRstFrames}
   * @param sentRst the new {@link #maxSentRstFrames}
   * @param smallContinuations the new {@link #maxSmallContinuationFrames}
   * @param queuedControlFrames the new {@link #maxQueuedControlFrames}
   * @return the changed limits
   * @throws IllegalArgumentException when a value is not positive
   */
  public ServerLimits withHttp2(int concurrentStreams, long headerListSize, int receivedRst, int sentRst,
      int smallContinuations, int queuedControlFrames) {
    return new ServerLimits(concurrentStreams, headerListSize, initialWindowSize, maxFrameSize, receivedRst, sentRst,
        rstWindow, smallContinuations, maxConsecutiveEmptyDataFrames, queuedControlFrames, maxRequestBodyBytes,
        maxInitialLineLength, maxHeaderSize, readTimeout, writeTimeout, idleTimeout, requestHeadTimeout,
        streamDeadline, gracefulShutdownTimeout);
  }
}
