package io.s3wire.http.internal.fallback;

import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Sends one request and waits for its head, as the fallback tests do. */
final class Send {
  private Send() {}

  /** {@code r} through {@code t}, within 30 s; the call's own failure is thrown as is. */
  static HttpResponse send(HttpTransport t, HttpRequest r) throws Exception {
    try {
      return t.execute(r).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
