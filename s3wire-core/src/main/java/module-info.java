/**
 * The s3wire client library: {@link io.s3wire.S3Client} and {@link io.s3wire.S3AsyncClient}, their
 * request and result values, and the policies that shape the wire (HTTP version, TLS, retries,
 * checksums, provider profiles, wire tracing).
 *
 * <p>Only the API packages are exported. Packages named {@code internal} are implementation; a few
 * of them, and the S3 XML model {@code io.s3wire.xml}, are exported to the sibling modules that
 * share them (the embedded server reads and writes the same XML documents and verifies SigV4 with
 * the same code; the CLI prints the wire trace the client records and reads {@code Alt-Svc} with the
 * client's parser). No public signature in an exported package mentions a type from a package that
 * is not exported.
 *
 * <p>netty-tcnative (BoringSSL) is optional: without it on the module path {@link
 * io.s3wire.http.TlsProvider#OPENSSL} reports why it is unavailable and the JDK's TLS is used.
 */
// A new package: an API package gets an `exports` line here (its public types then need javadoc,
// JavadocRatchetTest, and may mention only exported types, ModuleBoundaryTest); an implementation
// package goes under an `internal` package and gets no line, or a qualified one if a sibling needs it.
// A new dependency needs a `requires` (`requires static` when it is optional at run time).
@SuppressWarnings("module") // the qualified exports name sibling modules compiled after this one
module io.s3wire {
  requires transitive io.netty.buffer;
  requires transitive io.netty.common;
  requires transitive io.netty.handler;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.codec.http2;
  requires io.netty.codec.http3;
  requires io.netty.codec.classes.quic;
  requires io.netty.resolver;
  requires io.netty.transport;
  requires io.netty.transport.classes.epoll;
  requires java.xml;
  // Logging API only (silent without a binding); JFR events per call and attempt.
  requires org.slf4j;
  requires jdk.jfr;
  // The key-log callback of the OPENSSL provider; loaded only when BoringSSL is present.
  requires static io.netty.tcnative.classes.openssl;

  exports io.s3wire;
  exports io.s3wire.auth;
  exports io.s3wire.checksum;
  exports io.s3wire.config;
  exports io.s3wire.credentials;
  exports io.s3wire.error;
  exports io.s3wire.http;
  exports io.s3wire.metrics;
  exports io.s3wire.provider;
  exports io.s3wire.retry;
  exports io.s3wire.transfer;
  exports io.s3wire.wire;

  // Shared with the sibling modules only: not API, free to change between releases.
  exports io.s3wire.xml to io.s3wire.server;
  exports io.s3wire.xml.internal to io.s3wire.server;
  exports io.s3wire.auth.internal to io.s3wire.server;
  exports io.s3wire.internal to io.s3wire.cli;
  exports io.s3wire.wire.internal to io.s3wire.cli;
}
