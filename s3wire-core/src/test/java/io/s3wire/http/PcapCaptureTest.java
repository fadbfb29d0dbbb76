package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.ssl.SslProvider;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pcap capture ({@link TransportConfig#pcapFile()}) over each protocol: the file is a pcap
 * with one TCP stream per connection, the request reached the server whole, and neither the
 * signature, the credential, the session token nor the presigned URL's signature is in the file in
 * any form, while the capture's headers carry their masked, same-length forms.
 */
@Timeout(120)
@org.junit.jupiter.api.extension.ExtendWith(io.s3wire.testing.LeakCheck.class)
class PcapCaptureTest {
  private static final TestCertificates CERT = TestCertificates.localhost();
  private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  private static final String QUERY_SIGNATURE = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
  private static final String ACCESS_KEY = "AKIDEXAMPLEPCAPTEST";
  private static final String TOKEN = "FQoGZXIvYXdzEPCAPsessionTOKENvalue0123456789";
  /** A header this request alone declares sensitive. */
  private static final String OWN_SECRET = "own-secret-value-0123456789";
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20261207/us-east-1/s3/aws4_request,"
      + " SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE;

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http/1.1", "h2c", "h2"})
  void secretsAreMaskedLengthForLength(String protocol) throws Exception {
    Path pcap = tmp.resolve("capture.pcap");
    TestHttpServer.Builder sb = TestHttpServer.builder();
    TransportConfig.Builder cb = TransportConfig.builder().pcapFile(pcap);
    switch (protocol) {
      case "http/1.1" -> cb.versionPolicy(HttpVersionPolicy.HTTP_1_1);
      case "h2c" -> cb.versionPolicy(HttpVersionPolicy.HTTP_2);
      default -> {
        sb.tls(CERT).provider(SslProvider.JDK);
        cb.versionPolicy(HttpVersionPolicy.HTTP_2).trustedCertificates(CERT.pemFile());
      }
    }
    try (TestHttpServer s = sb.build(); HttpTransport t = HttpTransport.create(cb.build())) {
      URI uri = s.uri("/hello?X-Amz-Credential=" + ACCESS_KEY + "%2F20261207&X-Amz-Signature=" + QUERY_SIGNATURE + "&x-id=GetObject");
      // Twice: on HTTP/2 the second request sends the secrets as HPACK table references.
      for (int i = 0; i < 2; i++) {
        HttpRequest request = new HttpRequest("GET", uri, HttpHeaders.of("authorization", AUTHORIZATION,
            "x-amz-security-token", TOKEN, "x-amz-date", "20261207T000000Z", "x-own-secret", OWN_SECRET), null,
            java.util.Set.of("X-Own-Secret"));
        try (HttpResponse r = t.execute(request).get(30, TimeUnit.SECONDS)) {
          assertThat(r.status()).isEqualTo(200);
          assertThat(new String(r.body().bytes(), StandardCharsets.UTF_8)).startsWith("hello");
        }
        assertThat(s.nextRequest().toString()).contains(SIGNATURE);
      }
    }
    byte[] file = Files.readAllBytes(pcap);
    String raw = new String(file, StandardCharsets.ISO_8859_1);
    for (String secret : List.of(SIGNATURE, QUERY_SIGNATURE, ACCESS_KEY, TOKEN, OWN_SECRET)) {
      assertThat(raw).as("the capture holds %s", secret).doesNotContain(secret);
    }
    Map<String, byte[]> streams = tcpPayloads(file);
    assertThat(streams).as("one connection, both directions").hasSize(2);
    byte[] sent = streams.entrySet().stream().filter(e -> e.getKey().endsWith("->80")).findFirst().orElseThrow().getValue();
    List<String> authorizations = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    if (protocol.equals("http/1.1")) {
      for (String line : new String(sent, StandardCharsets.ISO_8859_1).split("\r\n")) {
        if (line.startsWith("GET ")) {
          targets.add(line.substring(4, line.lastIndexOf(' ')));
        } else if (line.toLowerCase(java.util.Locale.ROOT).startsWith("authorization: ")) {
          authorizations.add(line.substring("authorization: ".length()));
        } else if (line.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-security-token: ")) {
          tokens.add(line.substring("x-amz-security-token: ".length()));
        }
      }
    } else {
      for (Http2Headers h : headerBlocks(sent)) {
        authorizations.add(h.get("authorization").toString());
        tokens.add(h.get("x-amz-security-token").toString());
        targets.add(h.path().toString());
      }
    }
    String maskedAuthorization = "AWS4-HMAC-SHA256 Credential=" + "*".repeat((ACCESS_KEY + "/20261207/us-east-1/s3/aws4_request").length())
        + ", SignedHeaders=host;x-amz-date, Signature=" + "*".repeat(64);
    assertThat(authorizations).containsExactly(maskedAuthorization, maskedAuthorization);
    assertThat(tokens).containsExactly("*".repeat(TOKEN.length()), "*".repeat(TOKEN.length()));
    String maskedTarget = "/hello?X-Amz-Credential=" + "*".repeat((ACCESS_KEY + "%2F20261207").length()) + "&X-Amz-Signature="
        + "*".repeat(64) + "&x-id=GetObject";
    assertThat(targets).containsExactly(maskedTarget, maskedTarget);
  }

  @org.junit.jupiter.api.Test
  void transportsSharingAFileWriteOneHeaderAndOneTcpStreamPerConnection() throws Exception {
    Path pcap = tmp.resolve("shared.pcap");
    List<Integer> localPorts = new java.util.concurrent.CopyOnWriteArrayList<>();
    TransportConfig config = TransportConfig.builder().pcapFile(pcap).versionPolicy(HttpVersionPolicy.HTTP_1_1)
        .listener(e -> {
          if (e instanceof io.s3wire.wire.WireEvent.ConnectionOpened o) {
            localPorts.add(Integer.parseInt(o.localAddress().substring(o.localAddress().lastIndexOf(':') + 1)));
          }
        }).build();
    try (TestHttpServer s = TestHttpServer.builder().build(); HttpTransport first = HttpTransport.create(config);
        HttpTransport second = HttpTransport.create(config)) {
      for (HttpTransport t : List.of(first, second)) {
        try (HttpResponse r = t.execute(new HttpRequest("GET", s.uri("/hello"), HttpHeaders.of(), null, java.util.Set.of()))
            .get(30, TimeUnit.SECONDS)) {
          assertThat(r.status()).isEqualTo(200);
          r.body().bytes();
        }
      }
    }
    byte[] file = Files.readAllBytes(pcap);
    ByteBuffer header = ByteBuffer.wrap(file, 0, 24).order(ByteOrder.BIG_ENDIAN);
    assertThat(header.getInt()).as("magic").isEqualTo(0xa1b2c3d4);
    assertThat(header.getShort()).as("major version").isEqualTo((short) 2);
    assertThat(header.getShort()).as("minor version").isEqualTo((short) 4);
    assertThat(header.getInt(20)).as("link type: Ethernet").isEqualTo(1);
    // packets() walks the records to the last byte: a second global header would break the walk.
    Map<Integer, List<Packet>> byConnection = new LinkedHashMap<>();
    for (Packet p : packets(file)) {
      byConnection.computeIfAbsent(p.src() == 80 ? p.dst() : p.src(), k -> new ArrayList<>()).add(p);
    }
    assertThat(byConnection.keySet()).as("client ports: each connection's own, as the trace names it")
        .containsExactlyElementsOf(localPorts).hasSize(2);
    for (List<Packet> connection : byConnection.values()) {
      Packet syn = connection.get(0);
      assertThat(syn.dst()).as("the client opens").isEqualTo(80);
      assertThat(syn.flags() & 0x3f).as("SYN").isEqualTo(0x02);
      assertThat(connection.stream().filter(p -> (p.flags() & 0x01) != 0).map(Packet::src).toList())
          .as("a FIN each way").containsExactlyInAnyOrder(80, syn.src());
      String sent = payload(connection, syn.src());
      String received = payload(connection, 80);
      assertThat(sent).startsWith("GET /hello HTTP/1.1\r\n");
      assertThat(received).startsWith("HTTP/1.1 200 ");
    }
  }

  @org.junit.jupiter.api.Test
  void aFileBodyOnPlainHttp11IsInTheCapture() throws Exception {
    Path pcap = tmp.resolve("file.pcap");
    String content = "file body line\n".repeat(1000);
    Path file = Files.writeString(tmp.resolve("body.txt"), content);
    TransportConfig config = TransportConfig.builder().pcapFile(pcap).versionPolicy(HttpVersionPolicy.HTTP_1_1).build();
    try (TestHttpServer s = TestHttpServer.builder().build(); HttpTransport t = HttpTransport.create(config)) {
      RequestBody body = RequestBody.ofFile(file, 0, content.length());
      try (HttpResponse r = t.execute(new HttpRequest("PUT", s.uri("/hello"), HttpHeaders.of(), body, java.util.Set.of()))
          .get(30, TimeUnit.SECONDS)) {
        r.body().bytes();
      }
      assertThat(s.nextRequest().toString()).contains("PUT");
    }
    String sent = new String(tcpPayloads(Files.readAllBytes(pcap)).entrySet().stream().filter(e -> e.getKey().endsWith("->80"))
        .findFirst().orElseThrow().getValue(), StandardCharsets.ISO_8859_1);
    // The kernel's sendfile bypasses the pipeline: under a capture the body goes through it.
    assertThat(sent).startsWith("PUT /hello HTTP/1.1\r\n").endsWith("\r\n\r\n" + content);
  }

  /** One captured TCP segment: ports, TCP flags and payload. */
  record Packet(int src, int dst, int flags, byte[] payload) {}

  /** The file's packets, in order; the walk must end exactly at the file's end. */
  static List<Packet> packets(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
    assertThat(b.getInt()).as("pcap magic").isEqualTo(0xa1b2c3d4);
    b.position(24);
    List<Packet> out = new ArrayList<>();
    while (b.remaining() >= 16) {
      b.position(b.position() + 8);
      int len = b.getInt();
      assertThat(b.getInt()).as("original length").isEqualTo(len);
      int start = b.position();
      int etherType = b.getShort(start + 12) & 0xffff;
      int ip = start + 14;
      int tcp = etherType == 0x0800 ? ip + (file[ip] & 0x0f) * 4 : ip + 40;
      int payload = tcp + ((file[tcp + 12] >> 4) & 0x0f) * 4;
      out.add(new Packet(b.getShort(tcp) & 0xffff, b.getShort(tcp + 2) & 0xffff, file[tcp + 13] & 0xff,
          java.util.Arrays.copyOfRange(file, payload, start + len)));
      b.position(start + len);
    }
    assertThat(b.remaining()).as("bytes after the last record").isZero();
    return out;
  }

  /** Each TCP direction's payload, in order, keyed "clientPort->serverPort". */
  static Map<String, byte[]> tcpPayloads(byte[] file) {
    Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
    for (Packet p : packets(file)) {
      if (p.payload().length > 0) {
        out.computeIfAbsent(p.src() + "->" + p.dst(), k -> new ByteArrayOutputStream()).writeBytes(p.payload());
      }
    }
    Map<String, byte[]> result = new LinkedHashMap<>();
    out.forEach((k, v) -> result.put(k, v.toByteArray()));
    return result;
  }

  private static String payload(List<Packet> connection, int fromPort) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    connection.stream().filter(p -> p.src() == fromPort).forEach(p -> out.writeBytes(p.payload()));
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** The HEADERS blocks a client sent, decoded (the preface skipped). */
  static List<Http2Headers> headerBlocks(byte[] sent) throws Exception {
    assertThat(new String(sent, 0, 24, StandardCharsets.ISO_8859_1)).isEqualTo("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
    List<Http2Headers> out = new ArrayList<>();
    int i = 24;
    while (i + 9 <= sent.length) {
      int len = ((sent[i] & 0xff) << 16) | ((sent[i + 1] & 0xff) << 8) | (sent[i + 2] & 0xff);
      if (sent[i + 3] == 1) {
        int flags = sent[i + 4] & 0xff;
        assertThat(flags & 0x4).as("END_HEADERS").isNotZero();
        int skip = (flags & 0x20) != 0 ? 5 : 0;
        ByteBuf block = Unpooled.wrappedBuffer(sent, i + 9 + skip, len - skip);
        out.add(decoder.decodeHeaders(1, block));
      }
      i += 9 + len;
    }
    assertThat(i).as("whole frames").isEqualTo(sent.length);
    return out;
  }
}
