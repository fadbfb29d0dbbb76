package io.s3wire.server;

import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Peer clients (AWS SDK v2, MinIO) configured for a test server. */
final class Peers {
  private Peers() {}

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

  static S3Client apache(S3Server server) {
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
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(http)
        .build();
  }

  static S3AsyncClient nettyHttp2(S3Server server) {
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
        .credentialsProvider(credentials(server))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(http)
        .build();
  }

  static StaticCredentialsProvider credentials(S3Server server) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
  }

  static URI uri(S3Server server, String path) {
    return URI.create(server.endpoint() + path);
  }
}
