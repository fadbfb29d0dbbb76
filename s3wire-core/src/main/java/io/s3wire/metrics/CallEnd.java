package io.s3wire.metrics;

import java.time.Duration;

/**
 * An ended call.
 *
 * @param callId the call's id
 * @param operation the S3 operation
 * @param bucket the bucket, or {@code null}
 * @param attempts how many attempts were made
 * @param status the last HTTP status, or 0 when no response came
 * @param bytesSent the request body's length, or 0 when unknown
 * @param bytesReceived the response body's announced length, or 0
 * @param duration from the call's start to its response head (or its failure), retries included
 * @param failure the failure's type ({@code ServiceException}, {@code TransportException(CANCELLED)}, ...),
 *     or {@code null} when the call succeeded
 */
public record CallEnd(long callId, String operation, String bucket, int attempts, int status, long bytesSent,
    long bytesReceived, Duration duration, String failure) {

  /**
   * The outcome in one word, for a metric's tag: {@code SUCCESS}, {@code CLIENT_ERROR} (4xx), {@code
   * SERVER_ERROR} (5xx), {@code CANCELLED}, or {@code FAILED} (no usable response).
   *
   * @return one of the five words above
   */
  public String outcome() {
    if (failure == null) {
      return "SUCCESS";
    }
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    return failure.contains("CANCELLED") ? "CANCELLED" : "FAILED";
  }
}
