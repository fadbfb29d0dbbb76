/**
 * The embedded S3-compatible server: {@link io.s3wire.server.S3Server}, its storage interface
 * {@link io.s3wire.server.ObjectStore} and the JUnit 5 extension {@link
 * io.s3wire.server.S3ServerExtension}.
 *
 * <p>Only {@code io.s3wire.server} is exported; {@code io.s3wire.server.internal.*} is the
 * implementation (network, S3 operations, stores). JUnit is optional: only the extension needs it.
 */
module io.s3wire.server {
  requires transitive io.s3wire;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.codec.http2;
  // HTTP/3 over QUIC (S3Server.Builder.http3); the native library is netty-codec-native-quic's.
  requires io.netty.codec.http3;
  requires io.netty.codec.classes.quic;
  requires io.netty.transport;
  requires io.netty.transport.classes.epoll;
  requires java.xml;
  // JSON: fault rules and policies (server), the doctor's report (CLI).
  requires com.fasterxml.jackson.jr.ob;
  // The self-signed certificate generated at start.
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires static org.junit.jupiter.api;

  exports io.s3wire.server;
}
