package io.s3wire.http.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import io.s3wire.wire.Redaction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The capture's masking without a network: exact outputs for HTTP/1.1 lines and HTTP/2 header blocks. */
class CaptureMaskingTest {
  private static final String SIG = "f".repeat(64);
  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/s3/aws4_request, "
      + "SignedHeaders=host;x-amz-date, Signature=" + SIG;
  private static final String MASKED_AUTH = "AWS4-HMAC-SHA256 Credential=" + "*".repeat("AKID/20261207/us-east-1/s3/aws4_request".length())
      + ", SignedHeaders=host;x-amz-date, Signature=" + "*".repeat(64);

  @Test
  void authorizationKeepsAlgorithmAndSignedHeadersOnly() {
    assertThat(SameLengthMask.authorization(AUTH)).isEqualTo(MASKED_AUTH).hasSameSizeAs(AUTH);
    assertThat(SameLengthMask.authorization("Bearer abc.def")).isEqualTo("Bearer *******");
    assertThat(SameLengthMask.authorization("opaque")).isEqualTo("******");
  }

  @Test
  void urlMasksSecretQueryValuesOnly() {
    assertThat(SameLengthMask.url(Redaction.DEFAULT, "/b/k?X-Amz-Signature=abc&x-id=GetObject&X-Amz-Security-Token=t0k&X-Amz-Expires=60"))
        .isEqualTo("/b/k?X-Amz-Signature=***&x-id=GetObject&X-Amz-Security-Token=***&X-Amz-Expires=60");
    assertThat(SameLengthMask.url(Redaction.DEFAULT, "/b/k")).isEqualTo("/b/k");
  }

  @Test
  void http1HeadIsMaskedInPlaceEvenWhenASecretLineIsSplit() {
    String head = "PUT /b/k?X-Amz-Signature=" + SIG + " HTTP/1.1\r\nhost: h\r\nAuthorization: " + AUTH
        + "\r\nx-amz-security-token: session-token-value\r\ncontent-length: 2\r\n\r\nok";
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    Http1Masker masker = new Http1Masker(() -> Redaction.DEFAULT);
    int split = head.indexOf("session-token") + 7;
    masker.mask(bytes, 0, split);
    masker.mask(bytes, split, bytes.length);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo("PUT /b/k?X-Amz-Signature=" + "*".repeat(64)
        + " HTTP/1.1\r\nhost: h\r\nAuthorization: " + MASKED_AUTH + "\r\nx-amz-security-token: " + "*".repeat(19)
        + "\r\ncontent-length: 2\r\n\r\nok");
  }

  @Test
  void http2HeaderBlockWithPaddingAndContinuationBecomesOneMaskedHeadersFrame() throws Exception {
    Http2Headers headers = new DefaultHttp2Headers().method("GET").path("/b/k?X-Amz-Signature=" + SIG).scheme("https")
        .authority("h");
    headers.add("authorization", AUTH).add("x-amz-security-token", "session-token-value").add("x-amz-date", "20261207T000000Z");
    ByteBuf block = Unpooled.buffer();
    new DefaultHttp2HeadersEncoder().encodeHeaders(3, headers, block);
    int half = block.readableBytes() / 2;
    ByteBuf wire = Unpooled.buffer();
    wire.writeBytes(new byte[24]); // the preface: passed on as it is
    // HEADERS, PADDED (2 bytes of padding), without END_HEADERS; then CONTINUATION with END_HEADERS; then a PING.
    frame(wire, 1 + half + 2, 0x1, 0x8 | 0x1, 3);
    wire.writeByte(2).writeBytes(block, 0, half).writeZero(2);
    frame(wire, block.readableBytes() - half, 0x9, 0x4, 3);
    wire.writeBytes(block, half, block.readableBytes() - half);
    frame(wire, 8, 0x6, 0, 0);
    wire.writeLong(42);
    Http2Rewriter rewriter = new Http2Rewriter(ByteBufAllocator.DEFAULT, true, stream -> Redaction.DEFAULT);
    ByteBuf out = Unpooled.buffer();
    try {
      // One byte at a time: frames are emitted only once whole.
      while (wire.isReadable()) {
        rewriter.rewrite(wire.readSlice(1), out);
      }
      assertThat(out.readBytes(24).release()).isTrue();
      int length = out.readUnsignedMedium();
      assertThat(out.readByte()).as("type").isEqualTo((byte) 0x1);
      assertThat(out.readByte()).as("flags: END_STREAM and END_HEADERS, no PADDED").isEqualTo((byte) 0x5);
      assertThat(out.readInt()).isEqualTo(3);
      Http2Headers masked = new DefaultHttp2HeadersDecoder(false).decodeHeaders(3, out.readSlice(length));
      assertThat(masked.path().toString()).isEqualTo("/b/k?X-Amz-Signature=" + "*".repeat(64));
      assertThat(masked.get("authorization").toString()).isEqualTo(MASKED_AUTH);
      assertThat(masked.get("x-amz-security-token").toString()).isEqualTo("*".repeat(19));
      assertThat(masked.get("x-amz-date").toString()).isEqualTo("20261207T000000Z");
      assertThat(out.readUnsignedMedium()).isEqualTo(8);
      assertThat(out.readByte()).as("PING copied").isEqualTo((byte) 0x6);
      out.skipBytes(5);
      assertThat(out.readLong()).isEqualTo(42);
      assertThat(out.isReadable()).isFalse();
    } finally {
      rewriter.close();
      block.release();
      wire.release();
      out.release();
    }
  }

  private static void frame(ByteBuf b, int length, int type, int flags, int stream) {
    b.writeMedium(length).writeByte(type).writeByte(flags).writeInt(stream);
  }
}
