package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.testing.ReceivedRequest;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over TLS the payload is not hashed (UNSIGNED-PAYLOAD, as the AWS SDKs do: TLS protects it), and
 * over HTTP/2 the signed {@code host} is carried as {@code :authority}, never as a {@code host} header
 * (the header Google's front end resets streams for).
 */
@Timeout(30)
class TlsPayloadTest {
  @TempDir Path home;

  @Test
  void aPutOverH2WithTlsIsUnsignedAndCarriesNoHostHeader() throws Exception {
    TestCertificates certs = TestCertificates.localhost();
    try (TestHttpServer server = TestHttpServer.builder().tls(certs).alpn("h2", "http/1.1").build();
        S3Client client = S3Client.builder()
            .awsConfig(new AwsConfigResolver(Map.of(), home))
            .endpoint("https://127.0.0.1:" + server.port())
            .region("europe-west3")
            .credentials("AKIDTLS", "tls-secret")
            .provider(ProviderProfiles.gcs())
            .transportConfig(TransportConfig.builder().trustedCertificates(certs.pemFile()).build())
            .build()) {
      // The test server's /count route reads a body: CreateBucket outside us-east-1 sends one.
      client.createBucket("count");
      ReceivedRequest put = server.requests().poll(5, TimeUnit.SECONDS);
      assertThat(put).isNotNull();
      assertThat(put.protocol()).isEqualTo("HTTP/2");
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.bodyBytes()).isPositive();
      assertThat(put.first("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
      assertThat(put.first(":authority")).isEqualTo("127.0.0.1:" + server.port());
      assertThat(put.names()).doesNotContain("host", "Host");
      assertThat(put.first("authorization")).contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date");
    }
  }
}
