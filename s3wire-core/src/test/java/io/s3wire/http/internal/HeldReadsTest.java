package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes that arrive before the codec is installed (a server's HTTP/2 SETTINGS in the same read as the
 * TLS handshake's end) reach the codec, in order, once it is; none are lost or leaked.
 */
class HeldReadsTest {

  /** Stands in for the codec: records what it reads and how many read-complete signals it got. */
  static final class Recorder extends ChannelInboundHandlerAdapter {
    final List<String> reads = new ArrayList<>();
    int readCompletes;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf b = (ByteBuf) msg;
      reads.add(b.toString(StandardCharsets.US_ASCII));
      b.release();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      readCompletes++;
    }
  }

  private static ByteBuf bytes(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
  }

  @Test
  void bytesReadBeforeTheCodecReachItInOrderOnceInstalled() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline().addLast(HeldReads.NAME, new HeldReads());
    ch.writeInbound(bytes("SETTINGS"), bytes("WINDOW_UPDATE"));
    assertThat((Object) ch.readInbound()).as("nothing passes the held reads before the codec").isNull();

    Recorder codec = new Recorder();
    ch.pipeline().addLast("codec", codec);
    HeldReads.release(ch);
    assertThat(codec.reads).containsExactly("SETTINGS", "WINDOW_UPDATE");
    assertThat(codec.readCompletes).isEqualTo(1);
    assertThat(ch.pipeline().get(HeldReads.NAME)).isNull();

    ch.writeInbound(bytes("SETTINGS ACK"));
    assertThat(codec.reads).containsExactly("SETTINGS", "WINDOW_UPDATE", "SETTINGS ACK");
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void releasingWithNothingHeldSignalsNothing() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline().addLast(HeldReads.NAME, new HeldReads());
    Recorder codec = new Recorder();
    ch.pipeline().addLast("codec", codec);
    HeldReads.release(ch);
    assertThat(codec.reads).isEmpty();
    assertThat(codec.readCompletes).isZero();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void aFailureBeforeTheCodecClosesTheChannelWithoutReachingThePipelinesTail() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline().addLast(HeldReads.NAME, new HeldReads());
    ch.pipeline().fireExceptionCaught(new java.io.IOException("TLS handshake refused"));
    assertThat(ch.isOpen()).isFalse();
    ch.checkException(); // throws if the failure had reached the tail (where Netty logs it)
  }

  @Test
  void aConnectionClosedBeforeTheCodecReleasesWhatWasHeld() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline().addLast(HeldReads.NAME, new HeldReads());
    ByteBuf held = bytes("SETTINGS");
    ch.writeInbound(held);
    ch.close().syncUninterruptibly();
    assertThat(held.refCnt()).isZero();
    // The closed channel's handlers are gone: releasing afterwards is a no-op, not an error.
    HeldReads.release(ch);
  }
}
