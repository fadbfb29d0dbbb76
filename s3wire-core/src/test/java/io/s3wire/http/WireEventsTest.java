package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.TestHttpServer;
import io.s3wire.wire.WireEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the transport emits, to whom, and that secrets never appear in it. */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class WireEventsTest {
  private static List<String> frames(List<WireEvent> events, int streamId) {
    return events.stream().filter(e -> e instanceof WireEvent.Http2Frame f && f.streamId() == streamId)
        .map(e -> e.getClass().getSimpleName()).toList();
  }

  @Test
  void http1HeadsAndConnectionLifecycle() throws Exception {
    List<WireEvent> all = new CopyOnWriteArrayList<>();
    List<WireEvent> call = new CopyOnWriteArrayList<>();
    try (TestHttpServer s = TestHttpServer.builder().build()) {
      try (HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
          .listener(all::add).build())) {
        try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello")), call::add).get(30, TimeUnit.SECONDS)) {
          r.body().bytes();
        }
      }
      assertThat(call.stream().map(e -> e.getClass().getSimpleName()))
          .containsExactly("ConnectionOpened", "Http1Request", "Http1Response");
      WireEvent.Http1Request req = (WireEvent.Http1Request) call.get(1);
      assertThat(req.method()).isEqualTo("GET");
      assertThat(req.target()).isEqualTo("/hello");
      assertThat(req.headers()).containsExactly(new WireEvent.Header("host", "127.0.0.1:" + s.port()));
      WireEvent.Http1Response res = (WireEvent.Http1Response) call.get(2);
      assertThat(res.status()).isEqualTo(200);
      assertThat(res.reason()).isEqualTo("OK");
      assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(WireEvent.ConnectionClosed.class,
          c -> assertThat(c.reason()).isEqualTo("transport closed"));
      assertThat(all.stream().map(WireEvent::connectionId).distinct()).containsExactly("c1");
    }
  }

  @Test
  void http2FramesReachTheCallOnTheirStream() throws Exception {
    List<WireEvent> first = new CopyOnWriteArrayList<>();
    List<WireEvent> second = new CopyOnWriteArrayList<>();
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello")), first::add).get(30, TimeUnit.SECONDS)) {
        r.body().bytes();
      }
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello")), second::add).get(30, TimeUnit.SECONDS)) {
        r.body().bytes();
      }
      // The opener sees the connection being set up, then its stream; the second call only its own stream.
      assertThat(first.subList(0, 4).stream().map(e -> e.getClass().getSimpleName()))
          .containsExactly("ConnectionOpened", "Http2Preface", "SettingsFrame", "WindowUpdateFrame");
      assertThat(((WireEvent.SettingsFrame) first.get(2)).settings()).containsExactly(
          java.util.Map.entry("SETTINGS_ENABLE_PUSH", 0L), java.util.Map.entry("SETTINGS_INITIAL_WINDOW_SIZE", 16_777_216L),
          java.util.Map.entry("SETTINGS_MAX_FRAME_SIZE", 262_144L), java.util.Map.entry("SETTINGS_MAX_HEADER_LIST_SIZE", 65_536L));
      assertThat(((WireEvent.WindowUpdateFrame) first.get(3)).increment()).isEqualTo((64 << 20) - 65_535);
      assertThat(first).anySatisfy(e -> assertThat(e).isInstanceOf(WireEvent.Http2Preface.class));
      assertThat(first).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(WireEvent.SettingsFrame.class,
          f -> assertThat(f.direction()).isEqualTo(WireEvent.Direction.RECEIVED)));
      assertThat(frames(first, 1)).startsWith("HeadersFrame", "HeadersFrame").contains("DataFrame");
      assertThat(frames(first, 3)).isEmpty();
      assertThat(frames(second, 3)).startsWith("HeadersFrame", "HeadersFrame").contains("DataFrame");
      assertThat(frames(second, 1)).isEmpty();
      WireEvent.HeadersFrame sent = (WireEvent.HeadersFrame) second.stream().filter(WireEvent.HeadersFrame.class::isInstance)
          .findFirst().orElseThrow();
      assertThat(sent.direction()).isEqualTo(WireEvent.Direction.SENT);
      assertThat(sent.endStream()).isTrue();
      assertThat(sent.headers()).containsExactly(new WireEvent.Header(":method", "GET"), new WireEvent.Header(":scheme", "http"),
          new WireEvent.Header(":authority", "127.0.0.1:" + s.port()), new WireEvent.Header(":path", "/hello"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void secretsAppearInNoEvent(HttpVersionPolicy policy) throws Exception {
    List<WireEvent> all = new CopyOnWriteArrayList<>();
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(policy).listener(all::add).build())) {
      HttpHeaders h = HttpHeaders.of(
          "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSECRETKEYID/20260101/us-east-1/s3/aws4_request, "
              + "SignedHeaders=host;x-amz-date, Signature=feedfacesecretsignature",
          "x-amz-security-token", "sessiontokensecret",
          "x-custom-secret", "customsecretvalue");
      HttpRequest r = new HttpRequest("GET", s.uri("/hello?X-Amz-Signature=querysignaturesecret&x=1"), h, RequestBody.empty(),
          Set.of("X-Custom-Secret"));
      try (HttpResponse res = t.execute(r).get(30, TimeUnit.SECONDS)) {
        res.body().bytes();
      }
      String dump = all.toString();
      assertThat(dump).contains("SignedHeaders=host;x-amz-date").contains("x=1");
      for (String secret : List.of("AKIDSECRETKEYID", "feedfacesecretsignature", "sessiontokensecret", "customsecretvalue",
          "querysignaturesecret")) {
        assertThat(dump).doesNotContain(secret);
      }
    }
  }
}
