/**
 * An embedded S3-compatible server for local work and tests: HTTP/1.1 and HTTP/2 (h2c with prior
 * knowledge, or TLS with ALPN), memory and crash-safe file stores, SigV4 verification, provider
 * profiles ({@link io.s3wire.server.ServerProfile}) and fault rules ({@link io.s3wire.server.FaultRule}).
 *
 * <pre>{@code
 * try (S3Server server = S3Server.builder().tls(true).profile(ServerProfile.GCS).start()) {
 *   URI endpoint = server.endpoint();              // https://127.0.0.1:<port>
 *   server.writeCertificatePem(Path.of("ca.pem")); // for a client's --ca
 *   server.addFaultRule(FaultRule.when().method("PUT").nth(1).resetStream(Http2ErrorCode.REFUSED_STREAM));
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests, {@link io.s3wire.server.S3ServerExtension} starts one per test class. The
 * public API is this package; everything under {@code internal} may change without notice.
 */
package io.s3wire.server;
