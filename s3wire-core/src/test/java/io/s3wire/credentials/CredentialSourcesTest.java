package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AwsProfileFiles;
import io.s3wire.error.ClientException;
import io.s3wire.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each credential source against a loopback stand-in speaking the service's documented format. */
class CredentialSourcesTest {
  private static final String EXPIRES = "2030-01-01T01:00:00Z";
  private static final String METADATA_JSON = "{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"ASIAMETA\","
      + "\"SecretAccessKey\":\"meta-secret\",\"Token\":\"meta-token\",\"Expiration\":\"" + EXPIRES + "\"}";
  private static final String STS_XML = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
      + "<AssumeRoleResult><Credentials><AccessKeyId>ASIASTS</AccessKeyId><SecretAccessKey>sts-secret</SecretAccessKey>"
      + "<SessionToken>sts-token</SessionToken><Expiration>" + EXPIRES + "</Expiration></Credentials>"
      + "<AssumedRoleUser><Arn>arn</Arn></AssumedRoleUser></AssumeRoleResult>"
      + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>";

  @TempDir
  Path home;

  private final Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

  private AwsProfileFiles files(String config) throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), config);
    return AwsProfileFiles.load(env, home);
  }

  @Test
  void instanceMetadataUsesAnImdsV2TokenForTheRoleListingAndTheCredentials() throws IOException {
    try (StandIn imds = new StandIn(r -> switch (r.method() + " " + r.path()) {
      case "PUT /latest/api/token" -> new StandIn.Answer(200, "imds-session-token");
      case "GET /latest/meta-data/iam/security-credentials/" -> new StandIn.Answer(200, "app-role\n");
      case "GET /latest/meta-data/iam/security-credentials/app-role" -> new StandIn.Answer(200, METADATA_JSON);
      default -> new StandIn.Answer(404, "");
    })) {
      env.remove("AWS_EC2_METADATA_DISABLED");
      env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url() + "/");
      ProvidedCredentials c = AwsCredentialsProviders.instanceMetadata(env).load().orElseThrow();
      assertThat(c.credentials().accessKeyId()).isEqualTo("ASIAMETA");
      assertThat(c.credentials().sessionToken()).isEqualTo("meta-token");
      assertThat(c.expiration()).isEqualTo(Instant.parse(EXPIRES));
      assertThat(c.source()).contains("app-role");
      assertThat(imds.seen.get(0).headers().getFirst("x-aws-ec2-metadata-token-ttl-seconds")).isEqualTo("21600");
      assertThat(imds.seen.subList(1, 3)).allSatisfy(s ->
          assertThat(s.headers().getFirst("x-aws-ec2-metadata-token")).isEqualTo("imds-session-token"));
    }
  }

  @Test
  void instanceMetadataCanBeTurnedOffAndSaysWhenItIsUnreachable() throws IOException {
    assertThat(AwsCredentialsProviders.instanceMetadata(env).load()).isEmpty();
    StandIn gone = new StandIn(r -> new StandIn.Answer(200, ""));
    String url = gone.url();
    gone.close();
    env.remove("AWS_EC2_METADATA_DISABLED");
    env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", url);
    assertThatThrownBy(() -> AwsCredentialsProviders.instanceMetadata(env).load())
        .isInstanceOf(ClientException.class).hasMessageContaining("instance metadata at " + url)
        .hasMessageContaining("ms");
  }

  @Test
  void containerCredentialsSendTheAuthorizationTokenFromItsFile() throws IOException {
    try (StandIn agent = new StandIn(r -> "container-auth".equals(r.headers().getFirst("Authorization"))
        ? new StandIn.Answer(200, METADATA_JSON) : new StandIn.Answer(401, ""))) {
      Path tokenFile = Files.writeString(home.resolve("token"), "container-auth\n");
      env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/creds");
      env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString());
      ProvidedCredentials c = AwsCredentialsProviders.container(env).load().orElseThrow();
      assertThat(c.credentials().accessKeyId()).isEqualTo("ASIAMETA");
      assertThat(agent.seen.get(0).path()).isEqualTo("/creds");
      env.remove("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
      assertThatThrownBy(() -> AwsCredentialsProviders.container(env).load())
          .hasMessageContaining("answered HTTP 401").hasMessageNotContaining("container-auth");
    }
  }

  @Test
  void containerFullUriOverPlainHttpMustBeLoopbackOrTheAgent() {
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://example.com/creds");
    assertThatThrownBy(() -> AwsCredentialsProviders.container(env).load())
        .isInstanceOf(ClientException.class).hasMessageContaining("neither loopback nor the ECS/EKS agent");
    env.remove("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    assertThat(AwsCredentialsProviders.container(env).load()).isEmpty();
  }

  @Test
  void webIdentityFromTheEnvironmentCallsStsAtTheOverriddenEndpoint() throws IOException {
    try (StandIn sts = new StandIn(r -> new StandIn.Answer(200, STS_XML.replace("AssumeRole", "AssumeRoleWithWebIdentity")))) {
      Path token = Files.writeString(home.resolve("jwt"), "eyJ.web-identity.jwt");
      env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
      env.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app");
      env.put("AWS_ROLE_SESSION_NAME", "pod-1");
      env.put("AWS_ENDPOINT_URL_STS", sts.url());
      ProvidedCredentials c = AwsCredentialsProviders.webIdentity(env, files(""), "default", "eu-west-1", clock)
          .load().orElseThrow();
      assertThat(c.credentials().accessKeyId()).isEqualTo("ASIASTS");
      assertThat(c.credentials().sessionToken()).isEqualTo("sts-token");
      assertThat(c.expiration()).isEqualTo(Instant.parse(EXPIRES));
      String body = sts.seen.get(0).body();
      assertThat(body).contains("Action=AssumeRoleWithWebIdentity", "RoleSessionName=pod-1",
          "WebIdentityToken=eyJ.web-identity.jwt", "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp");
      assertThat(sts.seen.get(0).headers().getFirst("Authorization")).isNull();
    }
  }

  @Test
  void stsErrorAnswersBecomeOneSentenceWithoutTheToken() throws IOException {
    String error = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>"
        + "<Message>token expired</Message></Error><RequestId>x</RequestId></ErrorResponse>";
    try (StandIn sts = new StandIn(r -> new StandIn.Answer(400, error))) {
      Path token = Files.writeString(home.resolve("jwt"), "eyJ.web-identity.jwt");
      env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
      env.put("AWS_ROLE_ARN", "arn:aws:iam::1:role/app");
      env.put("AWS_ENDPOINT_URL", sts.url());
      assertThatThrownBy(() -> AwsCredentialsProviders.webIdentity(env, files(""), "default", null, clock).load())
          .isInstanceOf(ClientException.class)
          .hasMessageContaining("HTTP 400 InvalidIdentityToken: token expired")
          .hasMessageNotContaining("eyJ");
    }
  }

  @Test
  void roleArnWithSourceProfileIsAssumedWithSignedStsCallAtTheServicesEndpoint() throws IOException {
    try (StandIn sts = new StandIn(r -> new StandIn.Answer(200, STS_XML))) {
      AwsProfileFiles f = files("[profile base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n"
          + "[profile app]\nrole_arn = arn:aws:iam::1:role/app\nsource_profile = base\nrole_session_name = s1\n"
          + "external_id = ext\nregion = eu-central-1\nservices = local\n"
          + "[services local]\nsts =\n  endpoint_url = " + sts.url() + "\n");
      ProvidedCredentials c = AwsCredentialsProviders.profile(env, home, f, "app", null, clock).load().orElseThrow();
      assertThat(c.credentials().accessKeyId()).isEqualTo("ASIASTS");
      assertThat(c.source()).contains("arn:aws:iam::1:role/app");
      StandIn.Seen call = sts.seen.get(0);
      assertThat(call.body()).contains("Action=AssumeRole", "ExternalId=ext", "RoleSessionName=s1");
      assertThat(call.headers().getFirst("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIABASE/20300101/eu-central-1/sts/aws4_request");
    }
  }

  @Test
  void sourceProfileCyclesAreRefused() throws IOException {
    AwsProfileFiles f = files("[profile a]\nrole_arn = arn:a\nsource_profile = b\n"
        + "[profile b]\nrole_arn = arn:b\nsource_profile = a\n");
    assertThatThrownBy(() -> AwsCredentialsProviders.profile(env, home, f, "a", null, clock).load())
        .hasMessageContaining("source_profile cycle: a -> b -> a");
  }

  @Test
  void ssoSessionUsesTheCachedTokenAtThePortal() throws IOException {
    String answer = "{\"roleCredentials\":{\"accessKeyId\":\"ASIASSO\",\"secretAccessKey\":\"sso-secret\","
        + "\"sessionToken\":\"sso-token\",\"expiration\":" + Instant.parse(EXPIRES).toEpochMilli() + "}}";
    try (StandIn portal = new StandIn(r -> "cached-access-token".equals(r.headers().getFirst("x-amz-sso_bearer_token"))
        ? new StandIn.Answer(200, answer) : new StandIn.Answer(401, ""))) {
      AwsProfileFiles f = files(SsoFixture.DEV_PROFILE);
      SsoFixture.cacheToken(home, "corp", "cached-access-token", "2030-01-01T08:00:00Z");
      env.put("AWS_ENDPOINT_URL_SSO", portal.url());
      ProvidedCredentials c = AwsCredentialsProviders.profile(env, home, f, "dev", null, clock).load().orElseThrow();
      assertThat(c.credentials().accessKeyId()).isEqualTo("ASIASSO");
      assertThat(c.expiration()).isEqualTo(Instant.parse(EXPIRES));
      assertThat(portal.seen.get(0).path()).isEqualTo("/federation/credentials");
      assertThat(portal.seen.get(0).query()).isEqualTo("role_name=Reader&account_id=111122223333");
      clock.advance(java.time.Duration.ofHours(9));
      assertThatThrownBy(() -> AwsCredentialsProviders.profile(env, home, f, "dev", null, clock).load())
          .hasMessageContaining("expired").hasMessageContaining("aws sso login")
          .hasMessageNotContaining("cached-access-token");
    }
  }

  @Test
  void credentialProcessRunsAScriptAndReportsItsFailure() throws IOException {
    Path ok = script("ok.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKPROC\", "
        + "\"SecretAccessKey\": \"proc-secret\", \"SessionToken\": \"proc-token\", \"Expiration\": \"" + EXPIRES + "\"}'\n");
    AwsProfileFiles f = files("[profile p]\ncredential_process = " + ok + " --flag\n");
    ProvidedCredentials c = AwsCredentialsProviders.profile(env, home, f, "p", null, clock).load().orElseThrow();
    assertThat(c.credentials().accessKeyId()).isEqualTo("AKPROC");
    assertThat(c.expiration()).isEqualTo(Instant.parse(EXPIRES));

    Path bad = script("bad.sh", "#!/bin/sh\necho '{\"SecretAccessKey\": \"leaked-secret\"}'\n"
        + "echo 'token for 123 has expired' >&2\necho 'second line' >&2\nexit 3\n");
    assertThatThrownBy(() -> AwsCredentialsProviders.credentialProcess(bad.toString()).load())
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("exited 3: token for 123 has expired")
        .hasMessageNotContaining("second line").hasMessageNotContaining("leaked-secret");
  }

  @Test
  void theDefaultChainNamesEverySourceAndWhyItGaveNothing() throws IOException {
    files("[profile p]\ncredential_process = exit 1\n");
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://example.com/x");
    RefreshingCredentialsProvider chain = AwsCredentialsProviders.defaultChain(env, home,
        AwsProfileFiles.load(env, home), "p", null, clock, io.s3wire.http.TransportConfig.defaults());
    assertThatThrownBy(chain::resolve).isInstanceOf(ClientException.class)
        .hasMessageContaining("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: not configured")
        .hasMessageContaining("web identity (AWS_WEB_IDENTITY_TOKEN_FILE): not configured")
        .hasMessageContaining("credential_process (from")
        .hasMessageContaining("exited 1")
        .hasMessageContaining("neither loopback nor the ECS/EKS agent")
        .hasMessageContaining("EC2 instance metadata (IMDSv2): not configured");
  }

  @Test
  void theDefaultChainPrefersTheEnvironment() throws IOException {
    files("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = file-secret\n");
    env.put("AWS_ACCESS_KEY_ID", "ENVKEY");
    env.put("AWS_SECRET_ACCESS_KEY", "env-secret");
    env.put("AWS_SESSION_TOKEN", "env-token");
    RefreshingCredentialsProvider chain = AwsCredentialsProviders.defaultChain(env, home,
        AwsProfileFiles.load(env, home), "default", null, clock, io.s3wire.http.TransportConfig.defaults());
    assertThat(chain.resolve().accessKeyId()).isEqualTo("ENVKEY");
    assertThat(chain.resolve().sessionToken()).isEqualTo("env-token");
  }

  private Path script(String name, String text) throws IOException {
    Path p = Files.writeString(home.resolve(name), text);
    p.toFile().setExecutable(true);
    return p;
  }
}
