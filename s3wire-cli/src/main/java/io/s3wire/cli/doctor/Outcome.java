package io.s3wire.cli.doctor;

import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpProtocol;
import java.time.Instant;
import java.util.List;

/**
 * What one request got: an HTTP status (with the S3 error when it was an error), an HTTP/2 reset,
 * or a transport failure; plus the negotiated protocol, the time and the frame lines.
 *
 * @param protocol the HTTP version the request travelled on, or {@code null} when no connection was made
 * @param status the HTTP status, or 0 when there was none
 * @param server the response's {@code Server} header (who answered: a front end names itself there), or {@code null}
 * @param serviceError the S3 error for a status of 300 or more, else {@code null}
 * @param failure the transport or stream failure, else {@code null}
 * @param serverDate the server's {@code Date} header, or {@code null}
 * @param millis how long the request took
 * @param trace the request's text trace, redacted
 * @param altSvc the response's {@code Alt-Svc} header (where the server says HTTP/3 is), or {@code null}
 */
public record Outcome(
    HttpProtocol protocol,
    String alpnSelected,
    int status,
    String server,
    ServiceException serviceError,
    S3Exception failure,
    Instant requestTime,
    Instant serverDate,
    long millis,
    List<String> trace,
    String altSvc) {

  /** An outcome whose response carried no {@code Alt-Svc}. */
  public Outcome(HttpProtocol protocol, String alpnSelected, int status, String server, ServiceException serviceError,
      S3Exception failure, Instant requestTime, Instant serverDate, long millis, List<String> trace) {
    this(protocol, alpnSelected, status, server, serviceError, failure, requestTime, serverDate, millis, trace, null);
  }

  public boolean passed() {
    return failure == null && status >= 200 && status < 300;
  }

  /** The HTTP/2 error code name when the stream was reset, else {@code null}. */
  public String h2Error() {
    return failure instanceof StreamResetException s ? s.errorName() : null;
  }

  /** The S3 error code, else {@code null}. */
  public String s3Error() {
    return serviceError == null ? null : serviceError.errorCode();
  }

  /** The transport failure kind, else {@code null}. */
  public TransportException.Kind transportKind() {
    return failure instanceof TransportException t ? t.kind() : null;
  }

  /** {@code h3}, {@code h2}, {@code http/1.1} or {@code -} when no connection was made. */
  public String protocolLabel() {
    return protocol == null ? "-" : protocol.alpnId();
  }

  /** The status, the HTTP/2 error code or the failure kind: what the table shows between protocol and time. */
  public String result() {
    if (failure instanceof StreamResetException s) {
      return (s.isGoAway() ? "GOAWAY:" : "") + s.errorName();
    }
    if (failure instanceof TransportException t) {
      return t.kind().name();
    }
    if (failure != null) {
      return failure.getClass().getSimpleName();
    }
    return Integer.toString(status);
  }

  public String cellText() {
    return protocolLabel() + " " + result() + " " + millis + "ms";
  }

  /** One line for a person: the status with its S3 error, or the failure's message. */
  public String describe() {
    if (failure != null) {
      return failure.getMessage();
    }
    if (serviceError != null) {
      return serviceError.getMessage();
    }
    return Integer.toString(status);
  }
}
