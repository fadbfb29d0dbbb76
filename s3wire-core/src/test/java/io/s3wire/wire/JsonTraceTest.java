package io.s3wire.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.wire.internal.JsonLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTraceTest {
  private static List<String> render(List<WireEvent> events) {
    List<String> out = new ArrayList<>();
    for (WireEvent e : events) {
      out.add(JsonTrace.standard().line(e, TraceEvents.BASE));
    }
    return out;
  }

  @Test
  void h2GetAsJsonLines() {
    assertThat(render(TraceEvents.h2Get())).containsExactly(
        "{\"t_ms\":0.000,\"conn\":\"c1\",\"event\":\"connection_opened\",\"remote\":\"127.0.0.1:8443\",\"local\":\"127.0.0.1:50312\",\"tls\":true}",
        "{\"t_ms\":12.500,\"conn\":\"c1\",\"event\":\"tls_handshake\",\"provider\":\"JDK\",\"version\":\"TLSv1.3\",\"cipher\":\"TLS_AES_128_GCM_SHA256\",\"alpn_offered\":[\"h2\",\"http/1.1\"],\"alpn_selected\":\"h2\",\"peer_subject\":\"CN=localhost\",\"peer_not_before\":\"2026-11-27T00:00:00Z\",\"peer_not_after\":\"2026-11-28T00:00:00Z\"}",
        "{\"t_ms\":12.600,\"conn\":\"c1\",\"event\":\"preface\",\"dir\":\"send\"}",
        "{\"t_ms\":12.700,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"SETTINGS\",\"stream_id\":0,\"length\":18,\"flags\":0,\"flag_names\":[],\"ack\":false,\"settings\":[{\"id\":2,\"name\":\"SETTINGS_ENABLE_PUSH\",\"value\":0},{\"id\":4,\"name\":\"SETTINGS_INITIAL_WINDOW_SIZE\",\"value\":4194304},{\"id\":153,\"name\":\"SETTINGS_UNKNOWN_0x99\",\"value\":7}]}",
        "{\"t_ms\":12.800,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"WINDOW_UPDATE\",\"stream_id\":0,\"length\":4,\"flags\":0,\"flag_names\":[],\"window_size_increment\":16711681}",
        "{\"t_ms\":13.000,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"HEADERS\",\"stream_id\":1,\"length\":39,\"flags\":5,\"flag_names\":[\"END_STREAM\",\"END_HEADERS\"],\"end_stream\":true,\"headers\":[{\"name\":\":method\",\"value\":\"GET\"},{\"name\":\":path\",\"value\":\"/b/k?X-Amz-Signature=<redacted>&x=1\"},{\"name\":\":scheme\",\"value\":\"https\"},{\"name\":\":authority\",\"value\":\"127.0.0.1:8443\"}]}",
        "{\"t_ms\":14.000,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"SETTINGS\",\"stream_id\":0,\"length\":12,\"flags\":0,\"flag_names\":[],\"ack\":false,\"settings\":[{\"id\":3,\"name\":\"SETTINGS_MAX_CONCURRENT_STREAMS\",\"value\":100},{\"id\":4,\"name\":\"SETTINGS_INITIAL_WINDOW_SIZE\",\"value\":65535}]}",
        "{\"t_ms\":14.100,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"SETTINGS\",\"stream_id\":0,\"length\":0,\"flags\":1,\"flag_names\":[\"ACK\"],\"ack\":true,\"settings\":[]}",
        "{\"t_ms\":15.000,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"HEADERS\",\"stream_id\":1,\"length\":22,\"flags\":4,\"flag_names\":[\"END_HEADERS\"],\"end_stream\":false,\"headers\":[{\"name\":\":status\",\"value\":\"200\"},{\"name\":\"content-length\",\"value\":\"6\"}]}",
        "{\"t_ms\":15.200,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"DATA\",\"stream_id\":1,\"length\":6,\"flags\":1,\"flag_names\":[\"END_STREAM\"],\"end_stream\":true,\"padding\":0}",
        "{\"t_ms\":1234.500,\"conn\":\"c1\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"GOAWAY\",\"stream_id\":0,\"length\":8,\"flags\":0,\"flag_names\":[],\"last_stream_id\":0,\"error_code\":0,\"error_name\":\"NO_ERROR\",\"debug_data\":\"\"}",
        "{\"t_ms\":1235.000,\"conn\":\"c1\",\"event\":\"connection_closed\",\"reason\":\"closed by client\"}");
  }

  @Test
  void everyOtherEventKind() {
    assertThat(render(TraceEvents.others())).containsExactly(
        "{\"t_ms\":0.000,\"conn\":\"c2\",\"event\":\"warning\",\"message\":\"certificate verification is off (--insecure)\"}",
        "{\"t_ms\":1.000,\"conn\":\"c2\",\"event\":\"tls_failed\",\"provider\":\"OPENSSL\",\"alpn_offered\":[],\"reason\":\"unable to find valid certification path\"}",
        "{\"t_ms\":2.000,\"conn\":\"c3\",\"event\":\"http1_request\",\"dir\":\"send\",\"method\":\"PUT\",\"target\":\"/b/k?X-Amz-Credential=<redacted>&partNumber=1\",\"headers\":[{\"name\":\"Host\",\"value\":\"example.com\"},{\"name\":\"Authorization\",\"value\":\"AWS4-HMAC-SHA256 Credential=<redacted>, SignedHeaders=host, Signature=<redacted>\"}]}",
        "{\"t_ms\":3.000,\"conn\":\"c3\",\"event\":\"http1_response\",\"dir\":\"recv\",\"status\":403,\"reason\":\"Forbidden\",\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/xml\"}]}",
        "{\"t_ms\":4.000,\"conn\":\"c3\",\"event\":\"fallback\",\"from\":\"h2\",\"to\":\"http/1.1\",\"reason\":\"RST_STREAM(HTTP_1_1_REQUIRED) on stream 1\"}",
        "{\"t_ms\":5.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"RST_STREAM\",\"stream_id\":1,\"length\":4,\"flags\":0,\"flag_names\":[],\"error_code\":1,\"error_name\":\"PROTOCOL_ERROR\"}",
        "{\"t_ms\":6.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"PING\",\"stream_id\":0,\"length\":8,\"flags\":1,\"flag_names\":[\"ACK\"],\"ack\":true,\"opaque_data\":\"0102030405060708\"}",
        "{\"t_ms\":7.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"PRIORITY\",\"stream_id\":3,\"length\":5,\"flags\":0,\"flag_names\":[],\"dep_stream_id\":0,\"weight\":201,\"exclusive\":false}",
        "{\"t_ms\":8.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"PUSH_PROMISE\",\"stream_id\":1,\"length\":0,\"flags\":4,\"flag_names\":[\"END_HEADERS\"],\"promised_stream_id\":2,\"headers\":[{\"name\":\":path\",\"value\":\"/x\"}]}",
        "{\"t_ms\":9.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"send\",\"type\":\"DATA\",\"stream_id\":3,\"length\":16,\"flags\":8,\"flag_names\":[\"PADDED\"],\"end_stream\":false,\"padding\":5}",
        "{\"t_ms\":10.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"GOAWAY\",\"stream_id\":0,\"length\":17,\"flags\":0,\"flag_names\":[],\"last_stream_id\":1,\"error_code\":11,\"error_name\":\"ENHANCE_YOUR_CALM\",\"debug_data\":\"calm\\ndown\"}",
        "{\"t_ms\":11.000,\"conn\":\"c4\",\"event\":\"frame\",\"dir\":\"recv\",\"type\":\"UNKNOWN(0x10)\",\"stream_id\":0,\"length\":12,\"flags\":3,\"flag_names\":[],\"frame_type\":16}",
        "{\"t_ms\":12.000,\"conn\":\"c5\",\"event\":\"connection_opened\",\"remote\":\"[::1]:80\",\"local\":\"[::1]:40000\",\"tls\":false}",
        "{\"t_ms\":13.000,\"conn\":\"c6\",\"event\":\"tls_handshake\",\"provider\":\"OPENSSL\",\"version\":\"TLSv1.2\",\"cipher\":\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\",\"alpn_offered\":[],\"alpn_selected\":null,\"peer_subject\":null,\"peer_not_before\":null,\"peer_not_after\":null}");
  }

  @Test
  void stringsAreEscapedPerRfc8259() {
    StringBuilder sb = new StringBuilder();
    JsonLine.quote(sb, "q\"b\\n\n r\r t\t \u0001 \u007f \u2028 \ud83d\ude00 lone\ud800 é");
    assertThat(sb.toString()).isEqualTo(
        "\"q\\\"b\\\\n\\n r\\r t\\t \\u0001 \\u007f \\u2028 \ud83d\ude00 lone\\ud800 é\"");
  }

  @Test
  void millisecondsHaveThreeDecimals() {
    assertThat(JsonTrace.millis(0)).isEqualTo("0.000");
    assertThat(JsonTrace.millis(1_234_567)).isEqualTo("1.234");
    assertThat(JsonTrace.millis(98_765_432_100L)).isEqualTo("98765.432");
    assertThat(JsonTrace.millis(-1)).isEqualTo("0.000");
  }

  @Test
  void uploadStepDownsAndUnconfirmedChecksumsAsJsonLines() {
    List<WireEvent> events = List.of(
        new WireEvent.UploadStepDown(TraceEvents.ms(3), "-", "UploadPart", "part 2 of s3://b/k",
            "aws-chunked with a trailing checksum", "the checksum in a header", "400 XAmzContentSHA256Mismatch"),
        new WireEvent.ChecksumUnconfirmed(TraceEvents.ms(4), "-", "UploadPart", "part 2 of s3://b/k", "CRC32C",
            "the ETag"));
    assertThat(render(events)).containsExactly(
        "{\"t_ms\":3.000,\"conn\":\"-\",\"event\":\"step_down\",\"operation\":\"UploadPart\",\"subject\":\"part 2 of"
            + " s3://b/k\",\"from\":\"aws-chunked with a trailing checksum\",\"to\":\"the checksum in a header\","
            + "\"reason\":\"400 XAmzContentSHA256Mismatch\"}",
        "{\"t_ms\":4.000,\"conn\":\"-\",\"event\":\"checksum_unconfirmed\",\"operation\":\"UploadPart\","
            + "\"subject\":\"part 2 of s3://b/k\",\"algorithm\":\"CRC32C\",\"checked_by\":\"the ETag\"}");
  }
}
