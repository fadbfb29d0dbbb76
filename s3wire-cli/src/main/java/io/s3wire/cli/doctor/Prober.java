package io.s3wire.cli.doctor;

import io.s3wire.auth.CanonicalRequest;
import io.s3wire.auth.PayloadHash;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.auth.SigningResult;
import io.s3wire.auth.StringToSign;
import io.s3wire.error.Attempt;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.ServiceExceptions;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpDate;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.RequestBody;
import io.s3wire.wire.TraceFormat;
import io.s3wire.wire.TraceRecorder;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed request and records what came back as an {@link Outcome}, with its own trace.
 * Signing is the last step before the shape is applied: the shapes only add unsigned headers.
 * Keeps the last canonical request and string to sign, for the SignatureDoesNotMatch rule.
 */
final class Prober {
  /** Longest a single doctor request may take: a stalled server must not stall the doctor. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final Target target;
  private final Clock clock;
  private final SigV4Signer signer = SigV4Signer.s3();
  private volatile CanonicalRequest lastCanonical;
  private volatile StringToSign lastStringToSign;

  Prober(Target target, Clock clock) {
    this.target = target;
    this.clock = clock;
  }

  /** A request, signed; {@code body} {@code null} for none. */
  HttpRequest signed(String method, URI uri, HttpHeaders headers, byte[] body) {
    RequestBody rb = body == null ? RequestBody.empty() : RequestBody.ofBytes(body);
    HttpRequest r = new HttpRequest(method, uri, headers, rb);
    if (uri.getHost() == null) {
      return r; // no host name to sign or connect to: send() reports it
    }
    PayloadHash hash = body == null ? PayloadHash.EMPTY : PayloadHash.ofBytes(body);
    SigningResult s = signer.signWithDetails(r, target.credentials(), target.region(), "s3", clock.instant(), hash);
    lastCanonical = s.canonicalRequest();
    lastStringToSign = s.stringToSign();
    return s.request();
  }

  CanonicalRequest lastCanonical() {
    return lastCanonical;
  }

  StringToSign lastStringToSign() {
    return lastStringToSign;
  }

  /** Sends {@code request} and never throws: every failure becomes part of the outcome. */
  Outcome send(HttpTransport transport, HttpRequest request) {
    TraceRecorder trace = TraceRecorder.create();
    long start = System.nanoTime();
    trace.startAt(start);
    Instant requestTime = clock.instant();
    if (request.uri().getHost() == null) {
      // e.g. virtual-hosted-style on an IP endpoint: "bucket.127.0.0.1" is no host name, so no DNS can answer it.
      return failed(new TransportException(TransportException.Kind.UNKNOWN_HOST, "'" + request.uri().getRawAuthority()
          + "' is not a resolvable host name", io.s3wire.error.RetrySafety.UNPROCESSED, null), requestTime, start, trace);
    }
    try {
      HttpResponse response = transport.execute(request, trace).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      try (response) {
        byte[] body = response.body().bytes();
        long ms = millisSince(start);
        ServiceException error = response.status() >= 300 ? ServiceExceptions.from(response.status(), response.headers(), body,
            request.uri().getRawPath()) : null;
        Attempt a = response.attempts().isEmpty() ? null : response.attempts().get(response.attempts().size() - 1);
        if (error != null && a != null) {
          error.addAttempt(a); // so its explain() speaks of the version the answer came on
        }
        return new Outcome(response.protocol(), a == null ? null : a.alpnSelected(), response.status(),
            response.headers().first("server").orElse(null), error, null,
            requestTime, date(response.headers()), ms, lines(trace), response.headers().first("alt-svc").orElse(null));
      }
    } catch (ExecutionException | CompletionException e) {
      return failed(e.getCause(), requestTime, start, trace);
    } catch (TimeoutException e) {
      return failed(new TransportException(TransportException.Kind.CALL_TIMEOUT, "no answer within "
          + REQUEST_TIMEOUT.toSeconds() + " s", io.s3wire.error.RetrySafety.UNKNOWN, e), requestTime, start, trace);
    } catch (IOException e) {
      return failed(new TransportException(TransportException.Kind.IO, "reading the body failed: " + e.getMessage(),
          io.s3wire.error.RetrySafety.UNKNOWN, e), requestTime, start, trace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(new TransportException(TransportException.Kind.CANCELLED, "interrupted",
          io.s3wire.error.RetrySafety.UNKNOWN, e), requestTime, start, trace);
    }
  }

  private static Outcome failed(Throwable cause, Instant requestTime, long start, TraceRecorder trace) {
    Throwable c = cause;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    S3Exception e = c instanceof S3Exception s ? s
        : new TransportException(TransportException.Kind.IO, String.valueOf(c.getMessage()), io.s3wire.error.RetrySafety.UNKNOWN, c);
    Attempt a = e.attempts().isEmpty() ? null : e.attempts().get(e.attempts().size() - 1);
    return new Outcome(a == null ? null : a.protocol(), a == null ? null : a.alpnSelected(), 0, null, null, e, requestTime, null,
        millisSince(start), lines(trace));
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static List<String> lines(TraceRecorder trace) {
    return trace.render(TraceFormat.TEXT);
  }

  private static Instant date(HttpHeaders headers) {
    return headers.first("date").flatMap(HttpDate::parse).orElse(null);
  }
}
