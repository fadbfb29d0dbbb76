package io.s3wire.metrics;

import java.time.Duration;

/**
 * One ended attempt of a call.
 *
 * @param callId the call's id
 * @param operation the S3 operation
 * @param attempt the attempt's number, from 1 (2 is the first retry)
 * @param protocol {@code HTTP/1.1} or {@code HTTP/2}, or {@code null} when no connection was made
 * @param alpn the protocol ALPN selected, or {@code null} (plain TCP, or none selected)
 * @param tlsProvider {@code JDK} or {@code OPENSSL}, or {@code null} over plain TCP
 * @param status the HTTP status, or 0 when no response came
 * @param bytesSent the request body's length, or 0 when unknown
 * @param bytesReceived the response body's announced length ({@code Content-Length}), or 0
 * @param duration from sending to the response head (or the failure)
 * @param fellBack whether the attempt fell back from HTTP/2 to HTTP/1.1 on the way
 * @param failure the failure's type ({@code ServiceException}, {@code TransportException(IO)}, ...), or
 *     {@code null} for a 2xx response
 */
public record AttemptEnd(long callId, String operation, int attempt, String protocol, String alpn, String tlsProvider,
    int status, long bytesSent, long bytesReceived, Duration duration, boolean fellBack, String failure) {

  /**
   * Whether this attempt was a retry (not the first).
   *
   * @return {@code true} from the second attempt on
   */
  public boolean isRetry() {
    return attempt > 1;
  }
}
