package io.s3wire.server;

import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Peer clients (AWS SDK v2, MinIO) configured for a test server, and servers for them. The SDK runs
 * at its defaults, as its users run it: flexible checksums on (CRC32 on every upload, checksum
 * validation of downloads); a test about one of those options sets it itself.
 */
final class Peers {
  /**
   * Thursday, 5 November 2026: a one-digit day of the month, the days on which a formatter that
   * prints {@code 5 Nov} instead of {@code 05 Nov} breaks strict clients.
   */
  static final Instant ONE_DIGIT_DAY = Instant.parse("2026-11-05T10:00:00Z");

  private Peers() {}

  /**
   * A clock that runs from {@link #ONE_DIGIT_DAY} at the system clock's pace, so peer tests see the
   * dates of a day 1-9 whatever today's date is.
   */
  static Clock oneDigitDayClock() {
    return Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), ONE_DIGIT_DAY));
  }

  /**
   * A server on {@link #oneDigitDayClock()}. The peers sign with today's time, so the server does
   * not check request times against its own (signatures are still verified).
   */
  static S3Server.Builder onOneDigitDay() {
    return S3Server.builder().clock(oneDigitDayClock()).checkRequestTime(false);
  }

  static TrustManager[] trusting(X509Certificate cert) {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("s3wire", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return tmf.getTrustManagers();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sync client on Apache HTTP, with {@code interceptors} (e.g. to see what it sends). */
  static S3Client apache(S3Server server, ExecutionInterceptor... interceptors) {
    ApacheHttpClient.Builder http = ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30));
    if (server.isTls()) {
      TrustManager[] tm = trusting(server.certificate());
      http.tlsTrustManagersProvider(() -> tm);
    }
    return S3Client.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(server))
        .forcePathStyle(true)
        .httpClientBuilder(http)
        .overrideConfiguration(o -> java.util.Arrays.stream(interceptors).forEach(o::addExecutionInterceptor))
        .build();
  }

  static S3AsyncClient nettyHttp2(S3Server server) {
    return nettyHttp2(server, credentials(server));
  }

  /** The async client on Netty over HTTP/2 (ALPN on a TLS server, h2c with prior knowledge on a plain one). */
  static S3AsyncClient nettyHttp2(S3Server server, AwsCredentialsProvider credentials) {
    NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
        .protocol(Protocol.HTTP2)
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30));
    if (server.isTls()) {
      TrustManager[] tm = trusting(server.certificate());
      http.tlsTrustManagersProvider(() -> tm).protocolNegotiation(ProtocolNegotiation.ALPN);
    }
    return S3AsyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .httpClientBuilder(http)
        .build();
  }

  /**
   * The sync client a test body runs on, by the server's transport: on Apache over HTTP/1.1 for a
   * plain server; for a TLS server, the async client over HTTP/2 (ALPN) behind a sync face
   * ({@link SyncOverAsync}), the SDK having no sync HTTP/2 transport.
   */
  static S3Client sync(S3Server server) {
    return server.isTls() ? SyncOverAsync.of(nettyHttp2(server)) : apache(server);
  }

  /**
   * The async client on Netty over HTTP/1.1 (the SDK's default protocol), with the SDK's own
   * multipart uploads when {@code multipart} ({@code multipartEnabled(true)}, what S3TransferManager
   * uses), further configured by {@code more}.
   */
  static S3AsyncClient nettyAsync(S3Server server, boolean multipart,
      java.util.function.Consumer<software.amazon.awssdk.services.s3.S3AsyncClientBuilder> more) {
    NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30));
    if (server.isTls()) {
      TrustManager[] tm = trusting(server.certificate());
      http.tlsTrustManagersProvider(() -> tm);
    }
    software.amazon.awssdk.services.s3.S3AsyncClientBuilder b = S3AsyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(server))
        .forcePathStyle(true)
        .multipartEnabled(multipart)
        .httpClientBuilder(http);
    more.accept(b);
    return b.build();
  }

  static StaticCredentialsProvider credentials(S3Server server) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
  }

  static URI uri(S3Server server, String path) {
    return URI.create(server.endpoint() + path);
  }
}
