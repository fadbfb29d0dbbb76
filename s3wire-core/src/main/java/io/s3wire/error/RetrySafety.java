package io.s3wire.error;

/** Whether a failed request may have been processed by the server, which decides if it may be replayed. */
public enum RetrySafety {
  /** The server certainly did not process it (REFUSED_STREAM, a stream above GOAWAY's last-stream-id, nothing sent). */
  UNPROCESSED,
  /** It may or may not have been processed (a reset after HEADERS, a connection cut mid-exchange). */
  UNKNOWN,
  /** The server processed it and answered. */
  PROCESSED
}
