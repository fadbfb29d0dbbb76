package io.s3wire.wire;

import io.s3wire.http.TlsProvider;
import io.s3wire.wire.WireEvent.Direction;
import io.s3wire.wire.WireEvent.Header;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-made event sequence: one h2 GET over TLS, then every other event kind. */
final class TraceEvents {
  static final long BASE = 1_000_000_000L;

  private TraceEvents() {}

  static long ms(double millis) {
    return BASE + (long) (millis * 1_000_000);
  }

  static List<WireEvent> h2Get() {
    Map<String, Long> serverSettings = new LinkedHashMap<>();
    serverSettings.put("SETTINGS_MAX_CONCURRENT_STREAMS", 100L);
    serverSettings.put("SETTINGS_INITIAL_WINDOW_SIZE", 65535L);
    Map<String, Long> clientSettings = new LinkedHashMap<>();
    clientSettings.put("SETTINGS_ENABLE_PUSH", 0L);
    clientSettings.put("SETTINGS_INITIAL_WINDOW_SIZE", 4194304L);
    clientSettings.put("SETTINGS_UNKNOWN_0x99", 7L);
    return List.of(
        new WireEvent.ConnectionOpened(ms(0), "c1", "127.0.0.1:8443", "127.0.0.1:50312", true),
        new WireEvent.TlsHandshake(ms(12.5), "c1", TlsProvider.JDK, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
            List.of("h2", "http/1.1"), "h2", "CN=localhost",
            Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z")),
        new WireEvent.Http2Preface(ms(12.6), "c1", Direction.SENT),
        new WireEvent.SettingsFrame(ms(12.7), "c1", Direction.SENT, false, clientSettings),
        new WireEvent.WindowUpdateFrame(ms(12.8), "c1", Direction.SENT, 0, 16711681),
        new WireEvent.HeadersFrame(ms(13), "c1", Direction.SENT, 1, 39, true, List.of(
            new Header(":method", "GET"), new Header(":path", "/b/k?X-Amz-Signature=abc&x=1"),
            new Header(":scheme", "https"), new Header(":authority", "127.0.0.1:8443"))),
        new WireEvent.SettingsFrame(ms(14), "c1", Direction.RECEIVED, false, serverSettings),
        new WireEvent.SettingsFrame(ms(14.1), "c1", Direction.SENT, true, Map.of()),
        new WireEvent.HeadersFrame(ms(15), "c1", Direction.RECEIVED, 1, 22, false, List.of(
            new Header(":status", "200"), new Header("content-length", "6"))),
        new WireEvent.DataFrame(ms(15.2), "c1", Direction.RECEIVED, 1, 6, 0, true),
        new WireEvent.GoAwayFrame(ms(1234.5), "c1", Direction.SENT, 0, 0, ""),
        new WireEvent.ConnectionClosed(ms(1235), "c1", "closed by client"));
  }

  static List<WireEvent> others() {
    return List.of(
        new WireEvent.Warning(ms(0), "c2", "certificate verification is off (--insecure)"),
        new WireEvent.TlsFailed(ms(1), "c2", TlsProvider.OPENSSL, List.of(), "unable to find valid certification path"),
        new WireEvent.Http1Request(ms(2), "c3", "PUT", "/b/k?X-Amz-Credential=AKID%2F1&partNumber=1", List.of(
            new Header("Host", "example.com"), new Header("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=deadbeef"))),
        new WireEvent.Http1Response(ms(3), "c3", 403, "Forbidden", List.of(new Header("Content-Type", "application/xml"))),
        new WireEvent.Fallback(ms(4), "c3", "h2", "http/1.1", "RST_STREAM(HTTP_1_1_REQUIRED) on stream 1"),
        new WireEvent.RstStreamFrame(ms(5), "c4", Direction.RECEIVED, 1, 1),
        new WireEvent.PingFrame(ms(6), "c4", Direction.RECEIVED, true, 0x0102030405060708L),
        new WireEvent.PriorityFrame(ms(7), "c4", Direction.SENT, 3, 0, 201, false),
        new WireEvent.PushPromiseFrame(ms(8), "c4", Direction.RECEIVED, 1, 2, List.of(new Header(":path", "/x"))),
        new WireEvent.DataFrame(ms(9), "c4", Direction.SENT, 3, 16, 5, false),
        new WireEvent.GoAwayFrame(ms(10), "c4", Direction.RECEIVED, 1, 0xb, "calm\ndown"),
        new WireEvent.UnknownFrame(ms(11), "c4", Direction.RECEIVED, 0, 0x10, 0x3, 12),
        new WireEvent.ConnectionOpened(ms(12), "c5", "[::1]:80", "[::1]:40000", false),
        new WireEvent.TlsHandshake(ms(13), "c6", TlsProvider.OPENSSL, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            List.of(), null, null, null, null));
  }
}
