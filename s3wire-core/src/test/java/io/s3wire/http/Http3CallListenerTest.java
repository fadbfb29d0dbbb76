package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.wire.WireEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A call's own listener hears its HTTP/3 stream's events, the first stream's (id 0) included: HTTP/2
 * reserves 0 for the connection, HTTP/3 does not, and the Alt-Svc fallback reads these events to
 * know whether a request went out.
 */
class Http3CallListenerTest extends Http3TestBase {
  @Test
  void theFirstAndSecondStreamsEventsReachTheirCalls() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      for (long expected : new long[] {0, 4}) {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (HttpResponse r = t.execute(HttpRequest.get(uri("/hello")), e -> {
          if (e instanceof WireEvent.Http3Frame f) {
            seen.add(f.direction() + " " + f.type() + " " + f.streamId());
          }
        }).get(30, TimeUnit.SECONDS)) {
          assertThat(r.body().bytes()).isNotEmpty();
        }
        assertThat(seen).startsWith("SENT HEADERS " + expected, "RECEIVED HEADERS " + expected);
      }
    }
  }
}
