package io.s3wire.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTraceTest {
  private static List<String> render(List<WireEvent> events) {
    List<String> out = new ArrayList<>();
    TextTrace text = TextTrace.standard();
    for (WireEvent e : events) {
      text.format(e, TraceEvents.BASE, out);
    }
    return out;
  }

  @Test
  void h2GetTimelineLooksLikeNghttp() {
    assertThat(render(TraceEvents.h2Get())).containsExactly(
        "[  0.000] c1 connected to 127.0.0.1:8443 from 127.0.0.1:50312 (TLS)",
        "[  0.012] c1 TLS handshake done: TLSv1.3 TLS_AES_128_GCM_SHA256 (provider JDK)",
        "          ALPN: h2,http/1.1 -> h2",
        "          peer: CN=localhost",
        "          valid: 2026-11-27T00:00:00Z to 2026-11-28T00:00:00Z",
        "[  0.012] c1 send connection preface (PRI * HTTP/2.0)",
        "[  0.012] c1 send SETTINGS frame <length=18, flags=0x00, stream_id=0>",
        "          (niv=3)",
        "          [SETTINGS_ENABLE_PUSH(0x02):0]",
        "          [SETTINGS_INITIAL_WINDOW_SIZE(0x04):4194304]",
        "          [SETTINGS_UNKNOWN_0x99(0x99):7]",
        "[  0.012] c1 send WINDOW_UPDATE frame <length=4, flags=0x00, stream_id=0>",
        "          (window_size_increment=16711681)",
        "[  0.013] c1 send HEADERS frame <length=39, flags=0x05, stream_id=1>",
        "          ; END_STREAM | END_HEADERS",
        "          :method: GET",
        "          :path: /b/k?X-Amz-Signature=<redacted>&x=1",
        "          :scheme: https",
        "          :authority: 127.0.0.1:8443",
        "[  0.014] c1 recv SETTINGS frame <length=12, flags=0x00, stream_id=0>",
        "          (niv=2)",
        "          [SETTINGS_MAX_CONCURRENT_STREAMS(0x03):100]",
        "          [SETTINGS_INITIAL_WINDOW_SIZE(0x04):65535]",
        "[  0.014] c1 send SETTINGS frame <length=0, flags=0x01, stream_id=0>",
        "          ; ACK",
        "          (niv=0)",
        "[  0.015] c1 recv HEADERS frame <length=22, flags=0x04, stream_id=1>",
        "          ; END_HEADERS",
        "          :status: 200",
        "          content-length: 6",
        "[  0.015] c1 recv DATA frame <length=6, flags=0x01, stream_id=1>",
        "          ; END_STREAM",
        "[  1.234] c1 send GOAWAY frame <length=8, flags=0x00, stream_id=0>",
        "          (last_stream_id=0, error_code=NO_ERROR(0x00), opaque_data(0)=[])",
        "[  1.235] c1 connection closed: closed by client");
  }

  @Test
  void everyOtherEventKind() {
    assertThat(render(TraceEvents.others())).containsExactly(
        "[  0.000] c2 WARNING: certificate verification is off (--insecure)",
        "[  0.001] c2 TLS handshake failed (provider OPENSSL, ALPN none): unable to find valid certification path",
        "[  0.002] c3 send HTTP/1.1 request",
        "          PUT /b/k?X-Amz-Credential=<redacted>&partNumber=1 HTTP/1.1",
        "          Host: example.com",
        "          Authorization: AWS4-HMAC-SHA256 Credential=<redacted>, SignedHeaders=host, Signature=<redacted>",
        "[  0.003] c3 recv HTTP/1.1 response",
        "          HTTP/1.1 403 Forbidden",
        "          Content-Type: application/xml",
        "[  0.004] c3 fallback from h2 to http/1.1: RST_STREAM(HTTP_1_1_REQUIRED) on stream 1",
        "[  0.005] c4 recv RST_STREAM frame <length=4, flags=0x00, stream_id=1>",
        "          (error_code=PROTOCOL_ERROR(0x01))",
        "[  0.006] c4 recv PING frame <length=8, flags=0x01, stream_id=0>",
        "          ; ACK",
        "          (opaque_data=0102030405060708)",
        "[  0.007] c4 send PRIORITY frame <length=5, flags=0x00, stream_id=3>",
        "          (dep_stream_id=0, weight=201, exclusive=0)",
        "[  0.008] c4 recv PUSH_PROMISE frame <length=0, flags=0x04, stream_id=1>",
        "          ; END_HEADERS",
        "          (promised_stream_id=2)",
        "          :path: /x",
        "[  0.009] c4 send DATA frame <length=16, flags=0x08, stream_id=3>",
        "          ; PADDED",
        "          (padlen=5)",
        "[  0.010] c4 recv GOAWAY frame <length=17, flags=0x00, stream_id=0>",
        "          (last_stream_id=1, error_code=ENHANCE_YOUR_CALM(0x0b), opaque_data(9)=[calm.down])",
        "[  0.011] c4 recv UNKNOWN(0x10) frame <length=12, flags=0x03, stream_id=0>",
        "[  0.012] c5 connected to [::1]:80 from [::1]:40000 (plain TCP)",
        "[  0.013] c6 TLS handshake done: TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (provider OPENSSL)",
        "          ALPN: none -> none");
  }

  @Test
  void controlCharactersFromThePeerCannotForgeLines() {
    WireEvent e = new WireEvent.Http1Response(TraceEvents.ms(0), "c1", 200, "OK", List.of(
        new WireEvent.Header("x-evil", "a\r\n[  0.000] c1 recv fake")));
    assertThat(TextTrace.standard().lines(e, TraceEvents.BASE)).containsExactly(
        "[  0.000] c1 recv HTTP/1.1 response",
        "          HTTP/1.1 200 OK",
        "          x-evil: a\\x0d\\x0a[  0.000] c1 recv fake");
  }

  @Test
  void unknownLengthsAndJavaSocketAddressesReadNaturally() {
    List<WireEvent> events = List.of(
        new WireEvent.ConnectionOpened(TraceEvents.ms(0), "c1", "127.0.0.1/127.0.0.1:443", "/127.0.0.1:5000", true),
        new WireEvent.ConnectionOpened(TraceEvents.ms(1), "c2", "localhost/127.0.0.1:443", "[::1]:5000", false),
        new WireEvent.HeadersFrame(TraceEvents.ms(2), "c1", WireEvent.Direction.SENT, 1, -1, false,
            List.of(new WireEvent.Header(":method", "PUT"))));
    assertThat(render(events)).containsExactly(
        "[  0.000] c1 connected to 127.0.0.1:443 from 127.0.0.1:5000 (TLS)",
        "[  0.001] c2 connected to localhost/127.0.0.1:443 from [::1]:5000 (plain TCP)",
        "[  0.002] c1 send HEADERS frame <length=?, flags=0x04, stream_id=1>",
        "          ; END_HEADERS",
        "          :method: PUT");
    assertThat(JsonTrace.standard().line(events.get(0), TraceEvents.BASE)).isEqualTo(
        "{\"t_ms\":0.000,\"conn\":\"c1\",\"event\":\"connection_opened\",\"remote\":\"127.0.0.1:443\","
            + "\"local\":\"127.0.0.1:5000\",\"tls\":true}");
    assertThat(JsonTrace.standard().line(events.get(2), TraceEvents.BASE)).isEqualTo(
        "{\"t_ms\":2.000,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"HEADERS\",\"stream_id\":1,"
            + "\"length\":null,\"flags\":4,\"flag_names\":[\"END_HEADERS\"],\"end_stream\":false,"
            + "\"headers\":[{\"name\":\":method\",\"value\":\"PUT\"}]}");
  }

  @Test
  void timestampsGrowPastAThousandSecondsAndNeverGoNegative() {
    assertThat(TextTrace.timestamp(1_234_567_890_123L)).isEqualTo("[1234.567]");
    assertThat(TextTrace.timestamp(-5)).isEqualTo("[  0.000]");
    assertThat(TextTrace.timestamp(61_005_000_000L)).isEqualTo("[ 61.005]");
  }

  @Test
  void uploadStepDownsAndUnconfirmedChecksumsReadAsSentences() {
    List<WireEvent> events = List.of(
        new WireEvent.UploadStepDown(TraceEvents.ms(3), "-", "UploadPart", "part 2 of s3://b/k",
            "aws-chunked with a trailing checksum", "the checksum in a header", "400 XAmzContentSHA256Mismatch"),
        new WireEvent.ChecksumUnconfirmed(TraceEvents.ms(4), "-", "UploadPart", "part 2 of s3://b/k", "CRC32C",
            "comparing the part's ETag with the MD5 of its bytes"));
    assertThat(render(events)).containsExactly(
        "[  0.003] - step-down of UploadPart (part 2 of s3://b/k) from aws-chunked with a trailing checksum to the"
            + " checksum in a header: 400 XAmzContentSHA256Mismatch",
        "[  0.004] - WARNING: the server did not confirm the CRC32C checksum of UploadPart (part 2 of s3://b/k);"
            + " integrity was checked by comparing the part's ETag with the MD5 of its bytes");
  }
}
