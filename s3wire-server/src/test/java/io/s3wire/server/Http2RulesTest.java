package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 9113 section 8.2 in every profile, the gcs profile's host-header reset, and fault rules that
 * act on HTTP/2 streams and connections — checked frame by frame with a scripted peer.
 */
@Timeout(30)
class Http2RulesTest {
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void assertReset(String... header) throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      c.headers(1, RawH2Client.request("GET", "/bucket", header), true);
      RawH2Client.Frame f = c.firstOn(1);
      assertThat(f).as("first frame on the stream").isNotNull();
      assertThat(f.type()).as("frame type of " + f).isEqualTo(RawH2Client.RST_STREAM);
      assertThat(f.errorCode()).isEqualTo(Http2ErrorCode.PROTOCOL_ERROR.code());
      // The connection survives a malformed request: the next stream is answered.
      assertThat(c.status(3, "/bucket")).isEqualTo("200");
    }
  }

  @Test
  void upperCaseHeaderNameResetsTheStream() throws Exception {
    assertReset("X-Upper", "1");
  }

  @Test
  void connectionSpecificHeadersResetTheStream() throws Exception {
    assertReset("connection", "keep-alive");
    assertReset("keep-alive", "5");
    assertReset("proxy-connection", "x");
    assertReset("transfer-encoding", "chunked");
    assertReset("upgrade", "h2c");
  }

  @Test
  void teOtherThanTrailersResetsTheStream() throws Exception {
    assertReset("te", "gzip");
    try (RawH2Client c = new RawH2Client(server.port())) {
      c.headers(1, RawH2Client.request("GET", "/bucket", "te", "trailers"), true);
      assertThat(c.decode(c.await(RawH2Client.HEADERS, 1)).status().toString()).isEqualTo("200");
    }
  }

  @Test
  void s3ProfileAcceptsHostHeaderOnHttp2() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      c.headers(1, RawH2Client.request("GET", "/bucket", "host", "127.0.0.1"), true);
      assertThat(c.decode(c.await(RawH2Client.HEADERS, 1)).status().toString()).isEqualTo("200");
    }
  }

  @Test
  void gcsProfileResetsHostHeaderBeforeAnyResponse() throws Exception {
    try (S3Server gcs = S3Server.builder().anonymous(true).profile(ServerProfile.GCS).start();
        RawH2Client c = new RawH2Client(gcs.port())) {
      gcs.store().createBucket("bucket");
      c.headers(1, RawH2Client.request("PUT", "/bucket/key", "host", "127.0.0.1", "content-length", "3"), false);
      RawH2Client.Frame f = c.firstOn(1);
      assertThat(f.type()).isEqualTo(RawH2Client.RST_STREAM);
      assertThat(f.errorCode()).isEqualTo(Http2ErrorCode.PROTOCOL_ERROR.code());
      assertThat(c.status(3, "/bucket")).isEqualTo("200");
      assertThat(gcs.store().listObjects("bucket", "", "").hasNext()).isFalse();
    }
  }

  @Test
  void faultRuleResetsTheNthMatchingStream() throws Exception {
    server.addFaultRule(FaultRule.when().method("GET").path("/bucket").protocol(HttpProtocol.HTTP_2).nth(2)
        .resetStream(Http2ErrorCode.REFUSED_STREAM));
    try (RawH2Client c = new RawH2Client(server.port())) {
      assertThat(c.status(1, "/bucket")).isEqualTo("200");
      c.headers(3, RawH2Client.request("GET", "/bucket"), true);
      RawH2Client.Frame f = c.firstOn(3);
      assertThat(f.type()).isEqualTo(RawH2Client.RST_STREAM);
      assertThat(f.errorCode()).isEqualTo(Http2ErrorCode.REFUSED_STREAM.code());
      assertThat(c.status(5, "/bucket")).isEqualTo("200");
    }
  }

  @Test
  void faultRuleAnswersHttp11Required() throws Exception {
    server.addFaultRule(FaultRule.when().header("x-want-h1").http11Required());
    try (RawH2Client c = new RawH2Client(server.port())) {
      c.headers(1, RawH2Client.request("GET", "/bucket", "x-want-h1", "1"), true);
      RawH2Client.Frame f = c.firstOn(1);
      assertThat(f.type()).isEqualTo(RawH2Client.RST_STREAM);
      assertThat(f.errorCode()).isEqualTo(Http2ErrorCode.HTTP_1_1_REQUIRED.code());
    }
  }

  @Test
  void faultRuleSendsGoAwayWithLastStreamId() throws Exception {
    server.addFaultRule(FaultRule.when().path("/bucket/**").goAway(Http2ErrorCode.ENHANCE_YOUR_CALM, 1));
    try (RawH2Client c = new RawH2Client(server.port())) {
      assertThat(c.status(1, "/bucket")).isEqualTo("200");
      c.headers(3, RawH2Client.request("GET", "/bucket/some/key"), true);
      RawH2Client.Frame g = c.await(RawH2Client.GOAWAY, 0);
      assertThat(g).isNotNull();
      assertThat(g.errorCode()).isEqualTo(Http2ErrorCode.ENHANCE_YOUR_CALM.code());
      assertThat(g.lastStreamId()).isEqualTo(1);
      assertThat(c.isClosedByServer()).isTrue();
    }
  }
  /**
   * A client that has not yet read our GOAWAY may open a stream above its last-stream-id and send
   * DATA on it. RFC 9113 section 6.8 lets us discard those frames; the streams the GOAWAY covers
   * must still finish. (Netty's codec alone calls that DATA a connection error, PROTOCOL_ERROR
   * "Stream 5 does not exist", which cut the covered upload short.)
   */
  @Test
  void dataOnAStreamOpenedAfterOurGoAwayIsDiscardedAndTheCoveredStreamFinishes() throws Exception {
    server.addFaultRule(FaultRule.when().method("GET").goAway(Http2ErrorCode.NO_ERROR, 1));
    try (RawH2Client c = new RawH2Client(server.port())) {
      c.headers(1, RawH2Client.request("PUT", "/bucket/covered", "content-length", "8"), false);
      c.frame(RawH2Client.DATA, 0, 1, RawH2Client.bytes(4));
      c.headers(3, RawH2Client.request("GET", "/bucket"), true);
      RawH2Client.Frame g = c.await(RawH2Client.GOAWAY, 0);
      assertThat(g).as("GOAWAY").isNotNull();
      assertThat(g.lastStreamId()).isEqualTo(1);

      c.headers(5, RawH2Client.request("PUT", "/bucket/too-late", "content-length", "4"), false);
      c.frame(RawH2Client.DATA, 1, 5, RawH2Client.bytes(4));
      c.frame(RawH2Client.DATA, 1, 1, RawH2Client.bytes(4));
      RawH2Client.Frame f;
      while ((f = c.read()) != null && !(f.type() == RawH2Client.HEADERS && f.streamId() == 1)) {
        assertThat(f.type() == RawH2Client.GOAWAY ? f.errorCode() : 0L).as("a second GOAWAY's code: " + f)
            .isEqualTo(Http2ErrorCode.NO_ERROR.code());
      }
      assertThat(f).as("the answer on stream 1").isNotNull();
      assertThat(c.decode(f).status().toString()).isEqualTo("200");
    }
    assertThat(server.store().headObject("bucket", "covered").size()).isEqualTo(8);
    assertThat(server.store().listObjects("bucket", "too-late", "").hasNext()).as("the discarded stream's object").isFalse();
  }
}
