package io.s3wire.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.S3Client;
import io.s3wire.S3ClientBuilder;
import io.s3wire.config.AddressingStyle;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ClientException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.S3Server;
import io.s3wire.server.S3ServerExtension;
import io.s3wire.wire.WireListener;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trust given as certificates, PEM text or a key store, and {@code newBuilder()} that shares the
 * parent's transport until a transport setting changes, against the embedded server over TLS.
 */
@Timeout(60)
class ClientTransportSettingsTest {
  @RegisterExtension
  static final S3ServerExtension S3 = new S3ServerExtension(b -> b.tls(true));

  private static S3ClientBuilder builder(S3Server server, Consumer<TransportConfig.Builder> transport) {
    TransportConfig.Builder t = TransportConfig.builder();
    transport.accept(t);
    return S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "no-aws-home")))
        .endpoint(server.endpoint()).region("us-east-1").addressing(AddressingStyle.PATH)
        .provider(ProviderProfiles.generic()).credentials(server.accessKey(), server.secretKey())
        .transportConfig(t.build());
  }

  @Test
  void theExtensionsClientTrustsTheServersCertificateObject(S3Client client) {
    assertThat(client.listBuckets()).isNotNull();
  }

  @Test
  void trustFromPemTextOrAKeyStore(S3Server server) throws Exception {
    try (S3Client pem = builder(server, t -> t.trustedCertificatesPem(server.certificatePem())).build()) {
      assertThat(pem.listBuckets()).isNotNull();
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("embedded", server.certificate());
    try (S3Client keyStore = builder(server, t -> t.trustStore(store)).build()) {
      assertThat(keyStore.listBuckets()).isNotNull();
    }
    try (S3Client system = builder(server, t -> { }).build()) {
      assertThatThrownBy(system::listBuckets).as("the system trust store does not know the server's certificate")
          .isInstanceOf(TransportException.class);
    }
  }

  @Test
  void badTrustMaterialIsNamed() {
    assertThatThrownBy(() -> TransportConfig.builder().trustedCertificatesPem("not a certificate"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no -----BEGIN CERTIFICATE----- block");
    assertThatThrownBy(() -> TransportConfig.builder()
            .trustedCertificatesPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trustedCertificatesPem: a certificate does not parse");
    assertThatThrownBy(() -> TransportConfig.builder().trustedCertificates(S3.server().certificate())
            .trustStore(KeyStore.getInstance("PKCS12")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("and trustStore clash");
    assertThatThrownBy(() -> TransportConfig.builder().trustedCertificates(S3.server().certificate()).insecure(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("insecure and trustedCertificates clash");
  }

  @Test
  void newBuilderSharesTheTransportUntilATransportSettingChanges(S3Server server) {
    AtomicInteger parentEvents = new AtomicInteger();
    AtomicInteger childEvents = new AtomicInteger();
    WireListener parentListener = e -> parentEvents.incrementAndGet();
    try (S3Client parent = builder(server, t -> t.trustedCertificates(server.certificate()).listener(parentListener))
        .build()) {
      try (S3Client shared = parent.newBuilder().multipartPartSize(16 * 1024 * 1024).build()) {
        int before = parentEvents.get();
        shared.listBuckets();
        assertThat(parentEvents.get()).as("the shared transport reports to the parent's listener").isGreaterThan(before);
      }
      try (S3Client changed = parent.newBuilder()
          .transportConfig(t -> t.listener(e -> childEvents.incrementAndGet()))
          .build()) {
        int before = parentEvents.get();
        changed.listBuckets();
        assertThat(childEvents.get()).as("a transport of its own, with the trust it inherited").isPositive();
        assertThat(parentEvents.get()).isEqualTo(before);
      }
      // Closing either child left the parent's transport open.
      assertThat(parent.listBuckets()).isNotNull();
    }
  }

  @Test
  void anExplicitTransportStillClashesWithTransportSettings(S3Server server) {
    try (HttpTransport own = HttpTransport.create(TransportConfig.builder().trustedCertificates(server.certificate()).build())) {
      S3ClientBuilder b = builder(server, t -> { }).transport(own).transportConfig(t -> t.callTimeout(Duration.ofSeconds(5)));
      assertThatThrownBy(b::build).isInstanceOf(ClientException.class)
          .hasMessageContaining("transport and transportConfig clash");
    }
  }
}
