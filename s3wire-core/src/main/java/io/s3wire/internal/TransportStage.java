package io.s3wire.internal;

import io.s3wire.error.Attempt;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.wire.WireListener;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The wire: sends the signed request and turns an error status into a {@link ServiceException}
 * carrying every attempt so far. A 2xx response (and 206) is handed up with its body unread.
 */
final class TransportStage {
  private final HttpTransport transport;
  private final WireListener listener;

  TransportStage(HttpTransport transport, WireListener listener) {
    this.transport = transport;
    this.listener = listener;
  }

  CompletableFuture<HttpResponse> send(HttpRequest request, S3Call call, CallState state) {
    return transport.execute(request, listener).thenCompose(response -> {
      state.serverDate(date(response));
      if (response.status() >= 200 && response.status() < 300) {
        return CompletableFuture.completedFuture(response);
      }
      return Bodies.readAll(response).thenApply(body -> {
        ServiceException e = ServiceErrors.from(response.status(), response.headers(), body, call);
        List<Attempt> all = new ArrayList<>(state.earlierAttempts());
        all.addAll(response.attempts());
        all.forEach(e::addAttempt);
        throw Futures.asCompletion(e);
      });
    });
  }

  private static Instant date(HttpResponse response) {
    return response.headers().first("Date").map(TransportStage::parseHttpDate).orElse(null);
  }

  static Instant parseHttpDate(String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
