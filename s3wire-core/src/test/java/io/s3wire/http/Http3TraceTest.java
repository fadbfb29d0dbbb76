package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.wire.TextTrace;
import io.s3wire.wire.WireEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The trace of HTTP/3 calls: QUIC handshake, stream, HEADERS/DATA with sizes, resets and closes with their codes; secrets redacted. */
class Http3TraceTest extends Http3TestBase {
  /** The trace lines without their timestamp and connection id. */
  private static List<String> lines(List<WireEvent> events) {
    List<String> out = new ArrayList<>();
    TextTrace trace = TextTrace.standard();
    for (WireEvent e : events) {
      for (String l : trace.lines(e, 0)) {
        out.add(l.replaceFirst("^\\[[0-9.]+\\] c\\d+ ", ""));
      }
    }
    return out;
  }

  @Test
  void aGetShowsHandshakeStreamAndFramesWithSecretsRedacted() throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    HttpRequest get = new HttpRequest("GET", uri("/hello"),
        HttpHeaders.of("authorization", "AWS4-HMAC-SHA256 Credential=AKID/x, Signature=deadbeefcafe"), RequestBody.empty());
    try (HttpTransport t = HttpTransport.create(h3().listener(events::add).build());
        HttpResponse r = t.execute(get).get(30, TimeUnit.SECONDS)) {
      assertThat(r.body().bytes()).hasSize(5);
    }
    List<String> lines = lines(events);
    String all = String.join("\n", lines);
    assertThat(all).doesNotContain("deadbeefcafe");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("QUIC handshake done: QUIC v1 TLS_[A-Z0-9_]+"));
    // The response's field section, encoded as RFC 9204 has it with the static table: 2 bytes of
    // prefix (no dynamic table), ":status: 200" as static entry 25 (1 byte), "content-length: 5" as a
    // literal naming static entry 4 (1 byte, then the value's length and the value: 2).
    assertThat(lines).contains(
        TextTrace.INDENT + "ALPN: h3 -> h3",
        "send QUIC STREAM_OPENED <stream_id=0>",
        TextTrace.INDENT + ":method: GET",
        TextTrace.INDENT + ":path: /hello",
        "send QUIC FIN <stream_id=0>",
        "recv HTTP/3 HEADERS frame <length=6, stream_id=0>",
        TextTrace.INDENT + ":status: 200",
        "recv HTTP/3 DATA frame <length=5, stream_id=0>",
        "recv QUIC FIN <stream_id=0>");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(TextTrace.INDENT + "authorization: AWS4-HMAC-SHA256"));
    // The request's section: QPACK-encoded, so shorter than its fields written out, and not empty.
    WireEvent.Http3Frame sent = events.stream().filter(e -> e instanceof WireEvent.Http3Frame f
        && f.direction() == WireEvent.Direction.SENT && f.type().equals("HEADERS")).map(WireEvent.Http3Frame.class::cast)
        .findFirst().orElseThrow();
    int written = sent.headers().stream().mapToInt(h -> h.name().length() + 2 + h.value().length()).sum();
    assertThat(sent.length()).isBetween(20L, (long) written);
    assertThat(lines).contains("send HTTP/3 HEADERS frame <length=" + sent.length() + ", stream_id=0>");
  }

  @Test
  void resetsAndClosesShowTheirCodes() throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    try (HttpTransport t = HttpTransport.create(h3().listener(events::add).build())) {
      org.assertj.core.api.Assertions.catchThrowable(
          () -> t.execute(HttpRequest.get(uri("/reset/10b"))).get(30, TimeUnit.SECONDS));
      org.assertj.core.api.Assertions.catchThrowable(
          () -> t.execute(HttpRequest.get(uri("/close/102"))).get(30, TimeUnit.SECONDS));
    }
    List<String> lines = lines(events);
    assertThat(lines).containsSubsequence("recv QUIC RESET_STREAM <stream_id=0>", TextTrace.INDENT + "(error_code=H3_REQUEST_REJECTED(0x10b))");
    assertThat(lines).containsSubsequence("recv QUIC CONNECTION_CLOSE",
        TextTrace.INDENT + "(error_code=H3_INTERNAL_ERROR(0x102), reason=test close)");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("connection closed: CONNECTION_CLOSE(H3_INTERNAL_ERROR) from the server"));
  }

  @Test
  void cancellingShowsStopSendingAndResetStream() throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    try (HttpTransport t = HttpTransport.create(h3().listener(events::add).build())) {
      HttpResponse r = t.execute(HttpRequest.get(uri("/held/cancel"))).get(30, TimeUnit.SECONDS);
      r.close();
      io.s3wire.testing.Await.until("the reset is traced", () -> lines(events).contains(TextTrace.INDENT + "(error_code=H3_REQUEST_CANCELLED(0x10c))"));
    }
    assertThat(lines(events)).containsSubsequence("send QUIC STOP_SENDING <stream_id=0>", TextTrace.INDENT + "(error_code=H3_REQUEST_CANCELLED(0x10c))",
        "send QUIC RESET_STREAM <stream_id=0>", TextTrace.INDENT + "(error_code=H3_REQUEST_CANCELLED(0x10c))");
  }
}
