package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.config.ExplicitSettings;
import io.s3wire.error.ClientException;
import io.s3wire.http.TransportConfig;
import io.s3wire.testing.TestCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The STS and SSO calls trust servers as the client does: an HTTPS stand-in whose certificate is
 * generated here, and trusted only through the CA bundle (or the client's own trusted certificates),
 * answers; without that trust the call fails, verification is never turned off.
 */
@Timeout(60)
class CredentialCallsTrustTest {
  private static final String STS_XML = "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>"
      + "<AccessKeyId>ASIATLS</AccessKeyId><SecretAccessKey>tls-secret</SecretAccessKey>"
      + "<SessionToken>tls-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
      + "</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>";
  private static final String SSO_JSON = "{\"roleCredentials\":{\"accessKeyId\":\"ASIASSOTLS\","
      + "\"secretAccessKey\":\"sso-secret\",\"sessionToken\":\"sso-token\",\"expiration\":4070908800000}}";

  @TempDir
  Path home;

  private final TestCertificates certificate = TestCertificates.localhost();
  private final Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));

  @BeforeEach
  void webIdentity() throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Path token = Files.writeString(home.resolve("jwt"), "eyJ.private-ca.jwt");
    env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
    env.put("AWS_ROLE_ARN", "arn:aws:iam::1:role/app");
  }

  @Test
  void stsBehindAPrivateCaIsTrustedThroughAwsCaBundleOnly() throws IOException {
    try (StandIn sts = new StandIn(r -> new StandIn.Answer(200, STS_XML), certificate)) {
      env.put("AWS_ENDPOINT_URL_STS", sts.url());
      assertThatThrownBy(() -> resolver().resolve(ExplicitSettings.none()).credentialsProvider().resolve())
          .isInstanceOf(ClientException.class)
          .hasMessageContaining("STS AssumeRoleWithWebIdentity at " + sts.url())
          .satisfies(e -> assertThat(fullText(e)).doesNotContain("eyJ.private-ca.jwt"));

      env.put("AWS_CA_BUNDLE", certificate.pemFile().toString());
      assertThat(resolver().resolve(ExplicitSettings.none()).credentialsProvider().resolve().accessKeyId())
          .isEqualTo("ASIATLS");
      assertThat(sts.seen).singleElement().satisfies(s -> assertThat(s.body()).contains("WebIdentityToken=eyJ"));
    }
  }

  @Test
  void theClientsTrustedCertificatesApplyToTheStsCall() throws IOException {
    try (StandIn sts = new StandIn(r -> new StandIn.Answer(200, STS_XML), certificate)) {
      env.put("AWS_ENDPOINT_URL_STS", sts.url());
      TransportConfig trusting = TransportConfig.builder().trustedCertificates(certificate.pemFile()).build();
      try (S3Client client = S3Client.builder().awsConfig(resolver()).endpoint("http://127.0.0.1:9")
          .region("us-east-1").transportConfig(trusting).build()) {
        assertThat(client.presigner().presign(io.s3wire.PresignRequest.get(io.s3wire.BucketKey.of("bucket", "key"),
            java.time.Duration.ofMinutes(1))).uri().getRawQuery()).contains("X-Amz-Credential=ASIATLS");
      }
      // Insecure on the client does not reach the credential calls: they carry the token.
      assertThatThrownBy(() -> S3Client.builder().awsConfig(resolver()).endpoint("http://127.0.0.1:9")
          .region("us-east-1").transportConfig(TransportConfig.builder().insecure(true).build()).build())
          .isInstanceOf(ClientException.class).hasMessageContaining("STS AssumeRoleWithWebIdentity");
      assertThat(sts.seen).hasSize(1);
    }
  }

  @Test
  void theSsoPortalBehindAPrivateCaIsTrustedThroughTheProfilesCaBundle() throws IOException {
    env.remove("AWS_WEB_IDENTITY_TOKEN_FILE");
    env.remove("AWS_ROLE_ARN");
    try (StandIn portal = new StandIn(r -> new StandIn.Answer(200, SSO_JSON), certificate)) {
      env.put("AWS_PROFILE", "dev");
      Files.writeString(home.resolve(".aws/config"), SsoFixture.DEV_PROFILE.replace("[sso-session corp]",
          "ca_bundle = " + certificate.pemFile() + "\n[sso-session corp]"));
      SsoFixture.cacheToken(home, "corp", "cached-access-token", "2099-01-01T00:00:00Z");
      env.put("AWS_ENDPOINT_URL_SSO", portal.url());
      assertThat(resolver().resolve(ExplicitSettings.none()).credentialsProvider().resolve().accessKeyId())
          .isEqualTo("ASIASSOTLS");

      Files.writeString(home.resolve(".aws/config"), Files.readString(home.resolve(".aws/config"))
          .replace("ca_bundle = ", "# ca_bundle = "));
      assertThatThrownBy(() -> resolver().resolve(ExplicitSettings.none()).credentialsProvider().resolve())
          .isInstanceOf(ClientException.class).hasMessageContaining("SSO GetRoleCredentials at " + portal.url())
          .satisfies(e -> assertThat(fullText(e)).doesNotContain("cached-access-token"));
      assertThat(portal.seen).hasSize(1);
    }
  }

  private AwsConfigResolver resolver() {
    return new AwsConfigResolver(env, home);
  }

  private static String fullText(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
