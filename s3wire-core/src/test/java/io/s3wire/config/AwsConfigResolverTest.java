package io.s3wire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.auth.Credentials;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI precedence table, one row per test, with temporary files and a given environment. */
class AwsConfigResolverTest {
  @TempDir Path home;
  Map<String, String> env;
  Path config;
  Path credentials;

  @BeforeEach
  void setUp() throws IOException {
    env = new HashMap<>();
    env.put("AWS_EC2_METADATA_DISABLED", "true"); // only loopback traffic in tests
    Files.createDirectories(home.resolve(".aws"));
    config = home.resolve(".aws/config");
    credentials = home.resolve(".aws/credentials");
  }

  AwsSettings resolve() {
    return resolve(ExplicitSettings.none());
  }

  AwsSettings resolve(ExplicitSettings explicit) {
    return new AwsConfigResolver(env, home).resolve(explicit);
  }

  void config(String text) throws IOException {
    Files.writeString(config, text);
  }

  void credentials(String text) throws IOException {
    Files.writeString(credentials, text);
  }

  // --- profile name

  @Test
  void profileExplicitBeatsAwsProfile() throws IOException {
    config("[profile a]\n[profile b]\n");
    env.put("AWS_PROFILE", "a");
    assertThat(resolve(ExplicitSettings.none().withProfile("b", "--profile")).profile())
        .isEqualTo(Resolved.of("b", "--profile"));
  }

  @Test
  void profileAwsProfileBeatsAwsDefaultProfile() throws IOException {
    config("[profile a]\n[profile b]\n");
    env.put("AWS_PROFILE", "a");
    env.put("AWS_DEFAULT_PROFILE", "b");
    assertThat(resolve().profile()).isEqualTo(Resolved.of("a", "environment variable AWS_PROFILE"));
  }

  @Test
  void profileAwsDefaultProfileBeatsDefault() throws IOException {
    config("[profile b]\n");
    env.put("AWS_DEFAULT_PROFILE", "b");
    assertThat(resolve().profile()).isEqualTo(Resolved.of("b", "environment variable AWS_DEFAULT_PROFILE"));
  }

  @Test
  void profileIsDefaultWhenNothingNamesOneEvenWithoutFiles() {
    AwsSettings s = resolve();
    assertThat(s.profile()).isEqualTo(Resolved.of("default", "default"));
    assertThat(s.region()).isEmpty();
    assertThat(s.endpoint()).isEmpty();
    assertThat(s.addressingStyle()).isEqualTo(Resolved.of(AddressingStyle.AUTO, "default"));
    assertThat(s.credentials()).isEmpty();
  }

  @Test
  void aNamedProfileThatDoesNotExistIsAnError() {
    env.put("AWS_PROFILE", "nope");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ClientException.class)
        .hasMessage("profile: profile 'nope' (from environment variable AWS_PROFILE) is not defined in "
            + config + " or " + credentials);
  }

  // --- region

  @Test
  void regionExplicitBeatsAwsRegion() {
    env.put("AWS_REGION", "eu-west-1");
    assertThat(resolve(ExplicitSettings.none().withRegion("ap-south-1", "--region")).region())
        .hasValue(Resolved.of("ap-south-1", "--region"));
  }

  @Test
  void regionAwsRegionBeatsAwsDefaultRegion() {
    env.put("AWS_REGION", "eu-west-1");
    env.put("AWS_DEFAULT_REGION", "us-west-2");
    assertThat(resolve().region()).hasValue(Resolved.of("eu-west-1", "environment variable AWS_REGION"));
  }

  @Test
  void regionAwsDefaultRegionBeatsProfile() throws IOException {
    config("[default]\nregion = us-east-2\n");
    env.put("AWS_DEFAULT_REGION", "us-west-2");
    assertThat(resolve().region()).hasValue(Resolved.of("us-west-2", "environment variable AWS_DEFAULT_REGION"));
  }

  @Test
  void regionFromTheProfileInTheConfigFile() throws IOException {
    config("[profile dev]\nregion = eu-central-1\n");
    env.put("AWS_PROFILE", "dev");
    assertThat(resolve().region()).hasValue(Resolved.of("eu-central-1", config + " [profile dev]"));
  }

  @Test
  void credentialsFileWinsOverConfigFileForTheSameKey() throws IOException {
    config("[profile dev]\nregion = eu-central-1\n");
    credentials("[dev]\nregion = eu-north-1\n");
    env.put("AWS_PROFILE", "dev");
    assertThat(resolve().region()).hasValue(Resolved.of("eu-north-1", credentials + " [dev]"));
  }

  // --- endpoint

  @Test
  void endpointExplicitBeatsAwsEndpointUrlS3() {
    env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000");
    assertThat(resolve(ExplicitSettings.none().withEndpoint(URI.create("https://x.example"), "--endpoint")).endpoint())
        .hasValue(Resolved.of(URI.create("https://x.example"), "--endpoint"));
  }

  @Test
  void endpointAwsEndpointUrlS3BeatsAwsEndpointUrl() {
    env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9999");
    assertThat(resolve().endpoint())
        .hasValue(Resolved.of(URI.create("http://127.0.0.1:9000"), "environment variable AWS_ENDPOINT_URL_S3"));
  }

  @Test
  void endpointAwsEndpointUrlBeatsTheServicesSection() throws IOException {
    config("[default]\nservices = local\n[services local]\ns3 =\n  endpoint_url = http://localhost:1\n");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9999");
    assertThat(resolve().endpoint())
        .hasValue(Resolved.of(URI.create("http://127.0.0.1:9999"), "environment variable AWS_ENDPOINT_URL"));
  }

  @Test
  void endpointServicesSectionBeatsProfileEndpointUrl() throws IOException {
    config("[profile dev]\nendpoint_url = http://global:1\nservices = local\n"
        + "[services local]\ns3 =\n  endpoint_url = http://localhost:9000\ndynamodb =\n  endpoint_url = http://ddb:1\n");
    env.put("AWS_PROFILE", "dev");
    assertThat(resolve().endpoint()).hasValue(Resolved.of(URI.create("http://localhost:9000"),
        config + " [services local] s3.endpoint_url"));
  }

  @Test
  void endpointFromProfileEndpointUrl() throws IOException {
    config("[default]\nendpoint_url = https://storage.googleapis.com\n");
    assertThat(resolve().endpoint()).hasValue(Resolved.of(URI.create("https://storage.googleapis.com"),
        config + " [default]"));
  }

  @Test
  void ignoreConfiguredEndpointUrlsDropsAllButExplicit() throws IOException {
    config("[default]\nendpoint_url = https://storage.googleapis.com\n");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9999");
    env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    assertThat(resolve().endpoint()).isEmpty();
    assertThat(resolve(ExplicitSettings.none().withEndpoint(URI.create("http://e:1"), "--endpoint")).endpoint())
        .hasValue(Resolved.of(URI.create("http://e:1"), "--endpoint"));
  }

  @Test
  void anEndpointThatIsNotAUrlNamesItsSource() {
    env.put("AWS_ENDPOINT_URL", "localhost:9000");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ClientException.class)
        .hasMessage("endpoint: 'localhost:9000' (from environment variable AWS_ENDPOINT_URL) is not an http:// or "
            + "https:// URL with a host");
  }

  // --- addressing style

  @Test
  void addressingStyleExplicitBeatsProfile() throws IOException {
    config("[default]\ns3 =\n  addressing_style = virtual\n");
    assertThat(resolve(ExplicitSettings.none().withAddressingStyle(AddressingStyle.PATH, "--path-style"))
        .addressingStyle()).isEqualTo(Resolved.of(AddressingStyle.PATH, "--path-style"));
  }

  @Test
  void addressingStyleFromTheNestedS3Section() throws IOException {
    config("[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n    max_concurrent_requests = 4\n");
    assertThat(resolve().addressingStyle())
        .isEqualTo(Resolved.of(AddressingStyle.PATH, config + " [default] s3.addressing_style"));
  }

  @Test
  void anUnknownAddressingStyleNamesItsSource() throws IOException {
    config("[default]\ns3 =\n  addressing_style = sideways\n");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ClientException.class)
        .hasMessage("addressing style: addressing style must be auto, virtual or path, not 'sideways' (from "
            + config + " [default] s3.addressing_style)");
  }

  // --- credentials

  @Test
  void credentialsExplicitBeatEnvironment() {
    env.put("AWS_ACCESS_KEY_ID", "ENVKEY");
    env.put("AWS_SECRET_ACCESS_KEY", "envsecret");
    Resolved<Credentials> c = resolve(ExplicitSettings.none().withCredentials(Credentials.of("X", "Y"), "builder"))
        .credentials().orElseThrow();
    assertThat(c).isEqualTo(Resolved.of(Credentials.of("X", "Y"), "builder"));
  }

  @Test
  void credentialsEnvironmentBeatsCredentialsFile() throws IOException {
    credentials("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n");
    env.put("AWS_ACCESS_KEY_ID", "ENVKEY");
    env.put("AWS_SECRET_ACCESS_KEY", "envsecret");
    env.put("AWS_SESSION_TOKEN", "envtoken");
    Resolved<Credentials> c = resolve().credentials().orElseThrow();
    assertThat(c.value()).isEqualTo(new Credentials("ENVKEY", "envsecret", "envtoken"));
    assertThat(c.source()).isEqualTo("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void credentialsFileBeatsConfigFileAndKeysAreNotMixed() throws IOException {
    credentials("[dev]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n");
    config("[profile dev]\naws_access_key_id = CFGKEY\naws_secret_access_key = cfgsecret\naws_session_token = cfgtok\n");
    env.put("AWS_PROFILE", "dev");
    Resolved<Credentials> c = resolve().credentials().orElseThrow();
    assertThat(c.value()).isEqualTo(Credentials.of("FILEKEY", "filesecret"));
    assertThat(c.source()).isEqualTo(credentials + " [dev]");
  }

  @Test
  void credentialsFromTheConfigFileProfile() throws IOException {
    config("[profile dev]\naws_access_key_id = CFGKEY\naws_secret_access_key = cfgsecret\naws_session_token = cfgtok\n");
    env.put("AWS_PROFILE", "dev");
    Resolved<Credentials> c = resolve().credentials().orElseThrow();
    assertThat(c.value()).isEqualTo(new Credentials("CFGKEY", "cfgsecret", "cfgtok"));
    assertThat(c.source()).isEqualTo(config + " [profile dev]");
  }

  @Test
  void missingCredentialsSayWhereItLooked() throws IOException {
    config("[profile dev]\nregion = eu-west-1\n");
    env.put("AWS_PROFILE", "dev");
    assertThatThrownBy(() -> resolve().requireCredentials())
        .isInstanceOf(ClientException.class)
        .hasMessage("credentials: no AWS credentials found; looked in environment variables "
            + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, web identity "
            + "(AWS_WEB_IDENTITY_TOKEN_FILE), profile dev (" + config + ", " + credentials + "), container credentials "
            + "(AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI), EC2 instance metadata (IMDSv2)");
  }

  @Test
  void aKeyWithoutItsSecretInAFileIsAnError() throws IOException {
    credentials("[default]\naws_access_key_id = FILEKEY\n");
    assertThatThrownBy(() -> resolve().credentials())
        .isInstanceOf(ClientException.class)
        .hasMessageStartingWith("credentials: no AWS credentials; tried ")
        .hasMessageContaining(credentials + " [default] has aws_access_key_id but no aws_secret_access_key");
  }

  // --- file locations and section names

  @Test
  void fileLocationsFromTheEnvironmentWithTildeExpansion() throws IOException {
    Path dir = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(dir.resolve("cfg"), "[profile x]\nregion = sa-east-1\n");
    Files.writeString(dir.resolve("creds"), "[x]\naws_access_key_id = K\naws_secret_access_key = S\n");
    config("[profile x]\nregion = wrong\n");
    env.put("AWS_CONFIG_FILE", "~/elsewhere/cfg");
    env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("creds").toString());
    env.put("AWS_PROFILE", "x");
    AwsSettings s = resolve();
    assertThat(s.region()).hasValue(Resolved.of("sa-east-1", dir.resolve("cfg") + " [profile x]"));
    assertThat(s.requireCredentials()).isEqualTo(Credentials.of("K", "S"));
  }

  @Test
  void configFileNeedsTheProfilePrefixButCredentialsFileDoesNot() throws IOException {
    config("[dev]\nregion = ignored-without-prefix\n[profile dev]\nregion = eu-west-3\n");
    credentials("[profile dev]\naws_access_key_id = NOTDEV\naws_secret_access_key = x\n");
    env.put("AWS_PROFILE", "dev");
    AwsSettings s = resolve();
    assertThat(s.region()).hasValue(Resolved.of("eu-west-3", config + " [profile dev]"));
    assertThat(s.credentials()).isEmpty();
  }

  @Test
  void defaultProfileMayBeWrittenEitherWayInTheConfigFile() throws IOException {
    config("[profile default]\nregion = us-west-1\n");
    assertThat(resolve().region()).hasValue(Resolved.of("us-west-1", config + " [profile default]"));
  }

  @Test
  void describeShowsEveryValueWithItsSourceAndNoSecret() throws IOException {
    config("[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n");
    credentials("[default]\naws_access_key_id = AKID\naws_secret_access_key = very-secret\naws_session_token = tok\n");
    env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000");
    assertThat(resolve().describe()).containsExactly(
        "profile = default (default)",
        "region = us-east-1 (" + config + " [default])",
        "endpoint_url = http://127.0.0.1:9000 (environment variable AWS_ENDPOINT_URL_S3)",
        "s3.addressing_style = path (" + config + " [default] s3.addressing_style)",
        "credentials = access key AKID with session token (" + credentials + " [default])",
        "ca_bundle = <not set>");
  }

  // --- CA bundle

  @Test
  void caBundleFromTheEnvironmentBeatsTheProfile() throws IOException {
    config("[default]\nca_bundle = /etc/profile-ca.pem\n");
    assertThat(resolve().caBundle()).hasValue(Resolved.of(Path.of("/etc/profile-ca.pem"), config + " [default]"));
    env.put("AWS_CA_BUNDLE", "/tmp/env-ca.pem");
    assertThat(resolve().caBundle()).hasValue(Resolved.of(Path.of("/tmp/env-ca.pem"), "environment variable AWS_CA_BUNDLE"));
  }

  @Test
  void noCaBundleWhenNoneIsConfiguredOrItIsEmpty() throws IOException {
    assertThat(resolve().caBundle()).isEmpty();
    env.put("AWS_CA_BUNDLE", "");
    assertThat(resolve().caBundle()).isEmpty();
  }
}
