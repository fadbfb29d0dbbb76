package io.s3wire.internal;

import io.s3wire.error.Attempt;
import io.s3wire.error.ServiceErrorCode;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpDate;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.wire.WireListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The wire: sends the signed request and turns an error status into a {@link ServiceException}
 * carrying every attempt so far. A 2xx response (and 206) is handed up with its body unread.
 */
final class TransportStage {
  /** How far S3 lets a request's time differ from its own before RequestTimeTooSkewed. */
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final HttpTransport transport;
  private final WireListener listener;
  private final ClockSkew clock;

  TransportStage(HttpTransport transport, WireListener listener, ClockSkew clock) {
    this.transport = transport;
    this.listener = listener;
    this.clock = clock;
  }

  CompletableFuture<HttpResponse> send(HttpRequest request, S3Call call, CallState state) {
    CompletableFuture<HttpResponse> sent = transport.execute(request, WireListener.composite(listener, call.listener()));
    state.sending(sent);
    return sent.thenCompose(response -> {
      Instant serverDate = date(response);
      state.serverDate(serverDate);
      if (response.status() >= 200 && response.status() < 300) {
        return CompletableFuture.completedFuture(response);
      }
      return Bodies.readAll(response).thenApply(body -> {
        // A HEAD has no error body to name RequestTimeTooSkewed; as the AWS SDKs do, a body-less 403
        // from a server whose Date is 15 minutes or more from our signing clock is taken as one.
        boolean skewed = response.status() == 403 && body.length == 0 && serverDate != null
            && Duration.between(clock.now(), serverDate).abs().compareTo(MAX_SKEW) >= 0;
        ServiceException e = withContext(
            ServiceErrors.from(response.status(), response.headers(), body, call, skewed), serverDate, state.signed());
        List<Attempt> all = new ArrayList<>(state.earlierAttempts());
        all.addAll(response.attempts());
        all.forEach(e::addAttempt);
        throw Futures.asCompletion(e);
      });
    });
  }

  /** Adds what only this layer knows: the clock skew measured now, and what was signed. */
  private ServiceException withContext(ServiceException e, Instant serverDate, RequestSigner.Signed signed) {
    ServiceException.Builder b = e.toBuilder();
    if (serverDate != null) {
      // Against the local clock beneath, not the corrected signing clock: the skew is the machine's.
      b.clockSkew(Duration.between(clock.clock().instant(), serverDate));
    }
    if (signed != null && e.code() == ServiceErrorCode.SIGNATURE_DOES_NOT_MATCH) {
      b.signed(signed.stringToSign(), signed.signedHeaders());
    }
    return b.build();
  }

  private static Instant date(HttpResponse response) {
    return response.headers().first("Date").flatMap(HttpDate::parse).orElse(null);
  }
}
