package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URL;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Small object requests on the memory store run on the event loop once their body is in hand; the
 * answers stay in order and whole whatever path a request takes (inline, a large GET's body sent
 * from a worker, a body that arrives after its head). A small PUT whose client waits for {@code 100
 * Continue} runs there too, in two steps: its head is checked, 100 Continue sent, and the PUT
 * completed when the body is in; a head that fails its checks is answered without 100 Continue.
 */
@Timeout(30)
class InlineRequestsTest {
  @RegisterExtension
  static final S3ServerExtension S3 = new S3ServerExtension(b -> b.anonymous(true));
  static S3Server server;

  @BeforeAll
  static void bucket(S3Server started) throws Exception {
    server = started;
    server.store().createBucket("bucket");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static void put(String key, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii("PUT /bucket/" + key + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
          + "\r\n\r\n"));
      s.getOutputStream().write(body);
      assertThat(PipeliningTest.response(s.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void manyPipelinedRequestsInOneWriteAreAnsweredInOrder() throws Exception {
    put("small", ascii("tiny"));
    put("other", ascii("other"));
    StringBuilder requests = new StringBuilder();
    int n = 100;
    for (int i = 0; i < n; i++) {
      requests.append("GET /bucket/").append(i % 2 == 0 ? "small" : "other").append(" HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii(requests.toString()));
      InputStream in = s.getInputStream();
      for (int i = 0; i < n; i++) {
        String r = PipeliningTest.response(in);
        assertThat(r).as("response %d", i).startsWith("HTTP/1.1 200 OK").doesNotContainIgnoringCase("connection: close");
        assertThat(r).as("response %d", i).endsWith(i % 2 == 0 ? "\r\n\r\ntiny" : "\r\n\r\nother");
      }
    }
  }

  @Test
  void aLargeGetBetweenSmallOnesIsWholeAndInOrder() throws Exception {
    byte[] large = new byte[300 * 1024];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) ('a' + i % 26);
    }
    put("large", large);
    put("one", ascii("first"));
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii("GET /bucket/one HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /bucket/large HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /bucket/one HTTP/1.1\r\nHost: x\r\n\r\n"));
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).endsWith("\r\n\r\nfirst");
      String r = PipeliningTest.response(in);
      assertThat(r).startsWith("HTTP/1.1 200 OK");
      byte[] got = r.substring(r.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
      assertThat(Arrays.equals(got, large)).as("the large body came back whole").isTrue();
      assertThat(PipeliningTest.response(in)).endsWith("\r\n\r\nfirst");
    }
  }

  @Test
  void aBodyThatFollowsItsHeadInALaterWriteIsStored() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      out.write(ascii("PUT /bucket/late HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf"));
      out.flush();
      out.write(ascii("-later"));
      out.flush();
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 200 OK");
      out.write(ascii("GET /bucket/late HTTP/1.1\r\nHost: x\r\n\r\n"));
      assertThat(PipeliningTest.response(in)).endsWith("\r\n\r\nhalf-later");
    }
  }

  @Test
  void anErrorOnTheLoopIsTypedAndKeepsTheConnection() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii("GET /bucket/absent HTTP/1.1\r\nHost: x\r\n\r\n"
          + "PUT /nobucket/k HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
          + "DELETE /bucket/absent HTTP/1.1\r\nHost: x\r\n\r\n"));
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 404").contains("<Code>NoSuchKey</Code>");
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 404").contains("<Code>NoSuchBucket</Code>");
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 204");
    }
  }

  private static String continuedPut(String key, int length) {
    return "PUT /bucket/" + key + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " + length
        + "\r\n\r\n";
  }

  /** Sends a PUT head with {@code Expect: 100-continue}, the body only once 100 Continue came; the answer. */
  private static String putAfterContinue(Socket s, String key, String body) throws Exception {
    s.getOutputStream().write(ascii(continuedPut(key, body.length())));
    InputStream in = s.getInputStream();
    assertThat(PipeliningTest.head(in)).as("the interim answer, before any body byte was sent")
        .startsWith("HTTP/1.1 100 Continue\r\n");
    s.getOutputStream().write(ascii(body));
    return PipeliningTest.response(in);
  }

  @Test
  void aPutWaitingFor100ContinueGetsItThenIsStoredAndKeepsTheConnection() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.setTcpNoDelay(true);
      assertThat(putAfterContinue(s, "continued", "after the interim answer")).startsWith("HTTP/1.1 200 OK")
          .doesNotContainIgnoringCase("connection: close");
      assertThat(putAfterContinue(s, "continued2", "and again")).startsWith("HTTP/1.1 200 OK");
      s.getOutputStream().write(ascii("GET /bucket/continued HTTP/1.1\r\nHost: x\r\n\r\n"));
      assertThat(PipeliningTest.response(s.getInputStream())).endsWith("\r\n\r\nafter the interim answer");
    }
  }

  /**
   * A client that sends its body without waiting for 100 Continue, and a GET behind it in the same
   * write: an interim 100 Continue may come first; the answers then come in order.
   */
  @Test
  void aBodySentWithoutWaitingAndAPipelinedGetAreAnsweredInOrder() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii(continuedPut("eager", 5) + "eager" + "GET /bucket/eager HTTP/1.1\r\nHost: x\r\n\r\n"));
      InputStream in = s.getInputStream();
      String first = PipeliningTest.response(in);
      String put = first.startsWith("HTTP/1.1 100 Continue\r\n") ? PipeliningTest.response(in) : first;
      assertThat(put).startsWith("HTTP/1.1 200 OK").doesNotContainIgnoringCase("connection: close");
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\neager");
    }
  }

  /**
   * With the only worker busy (a large PUT waits for its body there), small PUTs that wait for 100
   * Continue, over HTTP/1.1 and HTTP/2, are still answered: they run on the event loop, where a
   * worker-bound request would get SlowDown.
   */
  @Test
  void smallPutsWaitingFor100ContinueRunOnTheLoopWhileEveryWorkerIsBusy() throws Exception {
    try (S3Server one = S3Server.builder().anonymous(true).workerThreads(1).start();
        Socket large = new Socket("127.0.0.1", one.port())) {
      one.store().createBucket("bucket");
      large.setSoTimeout(10_000);
      int size = 1 << 20;
      large.getOutputStream().write(ascii(continuedPut("large", size)));
      // A worker asks for the body: from here until it is sent, that worker is taken.
      assertThat(PipeliningTest.head(large.getInputStream())).startsWith("HTTP/1.1 100 Continue\r\n");
      try (Socket s = new Socket("127.0.0.1", one.port())) {
        s.setSoTimeout(10_000);
        s.setTcpNoDelay(true);
        assertThat(putAfterContinue(s, "small", "on the loop")).startsWith("HTTP/1.1 200 OK");
      }
      try (RawH2Client h2 = new RawH2Client(one.port())) {
        h2.headers(1, RawH2Client.request("PUT", "/bucket/h2", "content-length", "5", "expect", "100-continue"), false);
        RawH2Client.Frame interim = h2.await(RawH2Client.HEADERS, 1);
        assertThat(interim).isNotNull();
        assertThat(h2.decode(interim).status().toString()).isEqualTo("100");
        h2.frame(RawH2Client.DATA, 0x1, 1, ascii("h2 ok"));
        RawH2Client.Frame answer = h2.await(RawH2Client.HEADERS, 1);
        assertThat(answer).isNotNull();
        assertThat(h2.decode(answer).status().toString()).isEqualTo("200");
      }
      large.getOutputStream().write(new byte[size]);
      assertThat(PipeliningTest.response(large.getInputStream())).startsWith("HTTP/1.1 200 OK");
      assertThat(stored(one, "small")).isEqualTo("on the loop");
      assertThat(stored(one, "h2")).isEqualTo("h2 ok");
    }
  }

  private static String stored(S3Server s, String key) throws Exception {
    try (ObjectContent c = s.store().getObject("bucket", key, 0, s.store().headObject("bucket", key).size());
        InputStream in = c.newInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** A head that fails authentication is answered at once, with no 100 Continue and no body read. */
  @Test
  void aRefusedHeadGetsItsFinalAnswerWithout100Continue() throws Exception {
    try (S3Server signed = S3Server.builder().start();
        Socket s = new Socket("127.0.0.1", signed.port())) {
      signed.store().createBucket("bucket");
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii(continuedPut("refused", 5)));
      String answer = PipeliningTest.response(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 403 Forbidden").contains("<Code>AccessDenied</Code>")
          .containsIgnoringCase("connection: close");
      assertThat(s.getInputStream().read()).as("the connection closes: the body was never read").isEqualTo(-1);
      assertThat(signed.store().listObjects("bucket", "", "").hasNext()).as("nothing stored").isFalse();
    }
  }

  /** A client that is sent 100 Continue and then sends nothing gets RequestTimeout, as from a worker. */
  @Test
  void aBodyThatNeverFollows100ContinueGetsRequestTimeout() throws Exception {
    ServerLimits limits = ServerLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(20));
    try (S3Server timed = S3Server.builder().anonymous(true).limits(limits).start();
        Socket s = new Socket("127.0.0.1", timed.port())) {
      timed.store().createBucket("bucket");
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii(continuedPut("stalled", 5)));
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.head(in)).startsWith("HTTP/1.1 100 Continue\r\n");
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 400 Bad Request")
          .contains("<Code>RequestTimeout</Code>").containsIgnoringCase("connection: close");
    }
  }

  /**
   * The AWS SDK v2 at its defaults puts and gets back small objects while the only worker is taken:
   * its PUTs run on the event loop. At its defaults its Apache client sends {@code Expect:
   * 100-continue} on every PUT (the SDK's own request headers do not show it: the HTTP client adds
   * it) and the body aws-chunked with a CRC32 trailer, signed chunk by chunk.
   */
  @Test
  void theSdkAtItsDefaultsPutsSmallObjectsWhileEveryWorkerIsBusy() throws Exception {
    try (S3Server one = S3Server.builder().workerThreads(1).start();
        S3Client sdk = Peers.apache(one);
        S3Presigner presigner = S3Presigner.builder().endpointOverride(one.endpoint()).region(Region.US_EAST_1)
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(Peers.credentials(one)).build();
        Socket large = new Socket("127.0.0.1", one.port())) {
      one.store().createBucket("bucket");
      large.setSoTimeout(10_000);
      int size = 1 << 20;
      URL url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
          .putObjectRequest(p -> p.bucket("bucket").key("large"))).url();
      large.getOutputStream().write(ascii("PUT " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getAuthority()
          + "\r\nExpect: 100-continue\r\nContent-Length: " + size + "\r\n\r\n"));
      assertThat(PipeliningTest.head(large.getInputStream())).startsWith("HTTP/1.1 100 Continue\r\n");
      int n = 20;
      for (int i = 0; i < n; i++) {
        String key = "sdk/" + i;
        sdk.putObject(p -> p.bucket("bucket").key(key), RequestBody.fromBytes(object(i)));
      }
      for (int i = 0; i < n; i++) {
        String key = "sdk/" + i;
        assertThat(sdk.getObjectAsBytes(g -> g.bucket("bucket").key(key)).asByteArray())
            .as("object %d", i).isEqualTo(object(i));
      }
      large.getOutputStream().write(new byte[size]);
      assertThat(PipeliningTest.response(large.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
  }

  /** A 4 KiB object whose bytes depend on {@code i}. */
  private static byte[] object(int i) {
    byte[] b = new byte[4096];
    for (int j = 0; j < b.length; j++) {
      b[j] = (byte) (i * 31 + j);
    }
    return b;
  }
}
